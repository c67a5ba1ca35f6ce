import { useCallback, useState } from 'react';
import { isMainlandMobile, isValidIdNumber } from '@linli/shared';

import type { HouseholdRelation } from '@linli/shared';

import type { PickedCommunity } from '../components/community-picker';
import { ApiError } from '../services/api-error';
import { fieldErrorsOf } from '../forms/field-errors';

import type { HouseholdMemberInput, ProfileInput } from '../services/profile';

/** What a person form holds while being typed in; strings stay as typed until submitted. */
export interface PersonFormValues {
  name: string;
  idNumber: string;
  address: string;
  community: PickedCommunity | null;
  /** Household members only. */
  relation: HouseholdRelation | null;
  phone: string;
}

export type PersonField = keyof PersonFormValues;
/** Messages by field; keys follow the API's field names (`communityId` for the community). */
export type FieldErrors = Partial<Record<PersonField | 'communityId', string>>;

export const EMPTY_PERSON: PersonFormValues = {
  name: '',
  idNumber: '',
  address: '',
  community: null,
  relation: null,
  phone: '',
};

export type PersonFormKind = 'self' | 'member';

/** The same checks the API makes, run first so mistakes show at once and offline. The API stays the judge. */
export function validatePerson(values: PersonFormValues, kind: PersonFormKind): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (name === '') errors.name = '请填写姓名';
  else if (name.length > 32) errors.name = '姓名最多 32 个字';
  if (values.idNumber.trim() !== '' && !isValidIdNumber(values.idNumber)) {
    errors.idNumber = '身份证号码不正确，请核对后重新填写';
  }
  if (kind === 'member') {
    if (!values.relation) errors.relation = '请选择与您的关系';
    if (values.phone.trim() !== '' && !isMainlandMobile(values.phone.trim())) errors.phone = '手机号码不正确，应为 11 位数字';
  }
  return errors;
}

function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function toProfileInput(values: PersonFormValues): ProfileInput {
  return {
    name: values.name.trim(),
    idNumber: optional(values.idNumber.toUpperCase()),
    address: optional(values.address),
    communityId: values.community?.id ?? null,
  };
}

export function toMemberInput(values: PersonFormValues): HouseholdMemberInput {
  return { ...toProfileInput(values), relation: values.relation!, phone: optional(values.phone) };
}

export interface PersonFormHandle {
  values: PersonFormValues;
  setField: <K extends PersonField>(field: K, value: PersonFormValues[K]) => void;
  errors: FieldErrors;
  /** An error that belongs to no single field (network, server), shown above the buttons. */
  formError: string | null;
  saving: boolean;
  /** Checks, then runs `save`; server field errors land next to their fields. Resolves true on success. */
  submit: (save: (values: PersonFormValues) => Promise<unknown>) => Promise<boolean>;
}

export function usePersonForm(initial: PersonFormValues, kind: PersonFormKind): PersonFormHandle {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const setField = useCallback(<K extends PersonField>(field: K, value: PersonFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    // The message was about the old value.
    setErrors((current) => ({ ...current, [field]: undefined, ...(field === 'community' ? { communityId: undefined } : {}) }));
  }, []);

  const submit = useCallback(
    async (save: (values: PersonFormValues) => Promise<unknown>) => {
      const found = validatePerson(values, kind);
      setErrors(found);
      setFormError(null);
      if (Object.keys(found).length > 0) return false;
      setSaving(true);
      try {
        await save(values);
        return true;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const fromServer = fieldErrorsOf(error);
        if (error.code === 'ID_NUMBER_TAKEN') fromServer.idNumber = error.message;
        setErrors(fromServer);
        // Also above the buttons: the field in question may be scrolled out of view.
        setFormError(error.message);
        return false;
      } finally {
        setSaving(false);
      }
    },
    [values, kind],
  );

  return { values, setField, errors, formError, saving, submit };
}
