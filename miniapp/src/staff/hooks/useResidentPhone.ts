import { useCallback, useState } from 'react';

import type { ResidentProfile } from '@linli/shared';

import { fieldErrorsOf } from '../../forms/field-errors';
import { ApiError } from '../../services/api-error';
import { changeResidentPhone } from '../../services/staff-residents';
import { phoneFieldErrors, type PhoneOwner } from '../forms/resident-phone';

import type { SaveState } from './useScheduleEditor';

export interface ResidentPhoneValues {
  phone: string;
  phoneOwner: PhoneOwner | null;
}

export interface ResidentPhoneHandle {
  /** The record as the API last answered it: the SMS switch beside it reads the phone and its state from here. */
  record: ResidentProfile;
  /** How many corrections were saved: the SMS switch starts again from the record after each. */
  saves: number;
  /** Takes a record another part of the desk saved (the SMS switch), so the form's warning follows it. */
  adopt: (updated: ResidentProfile) => void;
  editing: boolean;
  values: ResidentPhoneValues;
  errors: { phone?: string; phoneOwner?: string };
  saving: SaveState;
  open: () => void;
  cancel: () => void;
  setField: <K extends keyof ResidentPhoneValues>(field: K, value: ResidentPhoneValues[K]) => void;
  submit: () => void;
}

const EMPTY: ResidentPhoneValues = { phone: '', phoneOwner: null };

/**
 * 登记/更正手机号 for the resident picked at the desk (PUT /staff/residents/{id}/phone): an elder whose family added
 * her without a phone, or whose number changed, gets one without staff retyping the rest of her record. A new
 * number switches SMS off (the consent was for the old one); the record the API answers shows it.
 */
export function useResidentPhone(resident: ResidentProfile): ResidentPhoneHandle {
  const [record, setRecord] = useState(resident);
  const [saves, setSaves] = useState(0);
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<ResidentPhoneValues>(EMPTY);
  const [errors, setErrors] = useState<ResidentPhoneHandle['errors']>({});
  const [saving, setSaving] = useState<SaveState>({ status: 'idle' });

  const open = useCallback(() => {
    setValues({ phone: '', phoneOwner: record.phoneOwner });
    setErrors({});
    setSaving({ status: 'idle' });
    setEditing(true);
  }, [record.phoneOwner]);

  const cancel = useCallback(() => setEditing(false), []);

  const setField = useCallback(<K extends keyof ResidentPhoneValues>(field: K, value: ResidentPhoneValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }, []);

  const submit = useCallback(() => {
    const found = phoneFieldErrors(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving({ status: 'pending' });
    changeResidentPhone(record.id, { phone: values.phone.trim(), phoneOwner: values.phoneOwner! }).then(
      (updated) => {
        setRecord(updated);
        setSaves((count) => count + 1);
        setEditing(false);
        setSaving({ status: 'saved' });
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setErrors(fieldErrorsOf(error));
        setSaving({ status: 'failed', problems: [error.message] });
      },
    );
  }, [record.id, values]);

  return { record, saves, adopt: setRecord, editing, values, errors, saving, open, cancel, setField, submit };
}
