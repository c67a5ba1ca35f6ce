import { useCallback, useState } from 'react';
import type { ResidentProfile } from '@linli/shared';

import type { PickedCommunity } from '../../components/community-picker';
import { fieldErrorsOf } from '../../forms/field-errors';
import { ApiError } from '../../services/api-error';
import { registerResident } from '../../services/staff-residents';
import { phoneFieldErrors, type PhoneOwner } from '../forms/resident-phone';

/** The desk's registration form while it is filled in. */
export interface RegistrationValues {
  name: string;
  community: PickedCommunity | null;
  phone: string;
  phoneOwner: PhoneOwner | null;
  /** Off until staff switch it on, having asked the elder or the family. */
  smsNotifications: boolean;
}

/** Messages by field; keys follow the API's field names (`communityId` for the community). */
export type RegistrationErrors = Partial<Record<keyof RegistrationValues | 'communityId', string>>;

export const EMPTY_REGISTRATION: RegistrationValues = { name: '', community: null, phone: '', phoneOwner: null, smsNotifications: false };

/** The API's own checks, run first so a mistake shows at once; the API stays the judge. */
export function validateRegistration(values: RegistrationValues): RegistrationErrors {
  const errors: RegistrationErrors = {};
  if (values.name.trim() === '') errors.name = '请填写姓名';
  if (!values.community) errors.communityId = '请选择老人所在社区';
  return { ...errors, ...phoneFieldErrors(values) };
}

export interface ResidentRegistrationHandle {
  values: RegistrationValues;
  setField: <K extends keyof RegistrationValues>(field: K, value: RegistrationValues[K]) => void;
  errors: RegistrationErrors;
  /** An error that belongs to no single field (network, server), shown above the button. */
  formError: string | null;
  saving: boolean;
  submit: () => Promise<void>;
}

/**
 * Registering an elder who has no WeChat at the desk (POST /staff/residents), with the phone to reach them by and
 * whether messages may also go to it by SMS; `onRegistered` gets the new record (the desk then acts for them).
 */
export function useResidentRegistration(onRegistered: (resident: ResidentProfile) => void): ResidentRegistrationHandle {
  const [values, setValues] = useState(EMPTY_REGISTRATION);
  const [errors, setErrors] = useState<RegistrationErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const setField = useCallback(<K extends keyof RegistrationValues>(field: K, value: RegistrationValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    // The message was about the old value.
    setErrors((current) => ({ ...current, [field]: undefined, ...(field === 'community' ? { communityId: undefined } : {}) }));
  }, []);

  const submit = useCallback(async () => {
    const found = validateRegistration(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const resident = await registerResident({
        name: values.name.trim(),
        communityId: values.community!.id,
        phone: values.phone.trim(),
        phoneOwner: values.phoneOwner!,
        smsNotifications: values.smsNotifications,
      });
      onRegistered(resident);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setErrors(fieldErrorsOf(error));
      setFormError(error.message);
    } finally {
      setSaving(false);
    }
  }, [values, onRegistered]);

  return { values, setField, errors, formError, saving, submit };
}
