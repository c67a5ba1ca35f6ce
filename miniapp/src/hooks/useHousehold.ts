import { useCallback, useState } from 'react';

import type { HouseholdMember, InvitationCode } from '@linli/shared';

import { ApiError } from '../services/api-error';
import {
  addHouseholdMember,
  createMemberInvitation,
  fetchHousehold,
  removeHouseholdMember,
  updateHouseholdMember,
} from '../services/profile';
import { toMemberInput } from './usePersonForm';
import { useRemoteData } from './useRemoteData';

import type { PersonFormValues } from './usePersonForm';
import type { RemoteDataHandle } from './useRemoteData';

/** Which form is open: none, a new member, or one member being edited. */
export type HouseholdEditor = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; member: HouseholdMember };

/** Per-member outcome of the last remove or invite, shown on that member's row. */
export type MemberAction =
  | { status: 'pending' }
  | { status: 'failed'; message: string }
  | { status: 'invited'; invitation: InvitationCode };

export interface HouseholdHandle extends RemoteDataHandle<HouseholdMember[]> {
  editor: HouseholdEditor;
  setEditor: (editor: HouseholdEditor) => void;
  save: (values: PersonFormValues) => Promise<void>;
  remove: (member: HouseholdMember) => void;
  invite: (member: HouseholdMember) => void;
  actions: Record<string, MemberAction | undefined>;
}

export function useHousehold(): HouseholdHandle {
  const remote = useRemoteData(fetchHousehold);
  const { update } = remote;
  const [editor, setEditor] = useState<HouseholdEditor>({ mode: 'closed' });
  const [actions, setActions] = useState<Record<string, MemberAction | undefined>>({});

  const setAction = useCallback((memberId: string, action: MemberAction | undefined) => {
    setActions((current) => ({ ...current, [memberId]: action }));
  }, []);

  const save = useCallback(
    async (values: PersonFormValues) => {
      const input = toMemberInput(values);
      if (editor.mode === 'edit') {
        const saved = await updateHouseholdMember(editor.member.id, input);
        update((members) => members.map((member) => (member.id === saved.id ? saved : member)));
      } else {
        const added = await addHouseholdMember(input);
        update((members) => [...members, added]);
      }
      setEditor({ mode: 'closed' });
    },
    [editor, update],
  );

  const remove = useCallback(
    (target: HouseholdMember) => {
      setAction(target.id, { status: 'pending' });
      removeHouseholdMember(target.id).then(
        () => {
          update((members) => members.filter((member) => member.id !== target.id));
          setAction(target.id, undefined);
        },
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          setAction(target.id, { status: 'failed', message: error.message });
        },
      );
    },
    [update, setAction],
  );

  const invite = useCallback(
    (member: HouseholdMember) => {
      setAction(member.id, { status: 'pending' });
      createMemberInvitation(member.id).then(
        (invitation) => setAction(member.id, { status: 'invited', invitation }),
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          setAction(member.id, { status: 'failed', message: error.message });
        },
      );
    },
    [setAction],
  );

  return { ...remote, editor, setEditor, save, remove, invite, actions };
}
