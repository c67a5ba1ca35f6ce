import { useCallback, useState } from 'react';

import type { ResidentProfile } from '@linli/shared';

import { ApiError } from '../services/api-error';
import { bindMyPhone, fetchMyProfile, saveMyProfile } from '../services/profile';
import { toProfileInput } from './usePersonForm';
import { useRemoteData } from './useRemoteData';

import type { ActionState } from './useActions';
import type { PersonFormValues } from './usePersonForm';
import type { RemoteDataHandle } from './useRemoteData';

export interface ProfileHandle extends RemoteDataHandle<ResidentProfile | null> {
  editing: boolean;
  setEditing: (editing: boolean) => void;
  save: (values: PersonFormValues) => Promise<void>;
  phone: ActionState;
  /** `code` from the getPhoneNumber button; undefined when the user refused or WeChat gave none. */
  bindPhone: (code: string | undefined) => void;
}

/** The form starts from what is on file. ID number stays empty: the server only has it masked. */
export function formValuesOf(profile: ResidentProfile | null, fallbackName: string): PersonFormValues {
  return {
    name: profile?.name ?? fallbackName,
    idNumber: '',
    address: profile?.address ?? '',
    community: profile?.communityId ? { id: profile.communityId, name: profile.communityName ?? '' } : null,
    relation: null,
    phone: '',
  };
}

export function useProfile(): ProfileHandle {
  const remote = useRemoteData(fetchMyProfile);
  const { update } = remote;
  const [editing, setEditing] = useState(false);
  const [phone, setPhone] = useState<ActionState>({ status: 'idle' });

  const save = useCallback(
    async (values: PersonFormValues) => {
      const saved = await saveMyProfile(toProfileInput(values));
      update(() => saved);
      setEditing(false);
    },
    [update],
  );

  const bindPhone = useCallback(
    (code: string | undefined) => {
      if (!code) {
        setPhone({ status: 'failed', message: '没有拿到手机号授权。如需绑定，请再点一次并选择“允许”。' });
        return;
      }
      setPhone({ status: 'pending' });
      bindMyPhone(code).then(
        (saved) => {
          update(() => saved);
          setPhone({ status: 'idle' });
        },
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          setPhone({ status: 'failed', message: error.message });
        },
      );
    },
    [update],
  );

  return { ...remote, editing, setEditing, save, phone, bindPhone };
}
