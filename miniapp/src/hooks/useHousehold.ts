import { useCallback, useState } from 'react';

import type { HouseholdMember, InvitationCode } from '@linli/shared';

import { addHouseholdMember, createMemberInvitation, fetchHousehold, removeHouseholdMember, updateHouseholdMember } from '../services/profile';
import { useActions } from './useActions';
import { toMemberInput } from './usePersonForm';
import { useRemoteData } from './useRemoteData';

import type { ActionState } from './useActions';
import type { PersonFormValues } from './usePersonForm';
import type { RemoteDataHandle } from './useRemoteData';

/** Which form is open: none, a new member, or one member being edited. */
export type HouseholdEditor = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; member: HouseholdMember };

export interface HouseholdHandle extends RemoteDataHandle<HouseholdMember[]> {
  editor: HouseholdEditor;
  setEditor: (editor: HouseholdEditor) => void;
  save: (values: PersonFormValues) => Promise<void>;
  remove: (member: HouseholdMember) => void;
  invite: (member: HouseholdMember) => void;
  /** The last remove or invite of a member, shown on that member's row. */
  actionOf: (memberId: string) => ActionState;
  /** The code an invite made, by member id, shown until the next action on that member. */
  invitations: Record<string, InvitationCode | undefined>;
}

export function useHousehold(): HouseholdHandle {
  const remote = useRemoteData(fetchHousehold);
  const { update } = remote;
  const [editor, setEditor] = useState<HouseholdEditor>({ mode: 'closed' });
  const actions = useActions();
  const { run } = actions;
  const [invitations, setInvitations] = useState<Record<string, InvitationCode | undefined>>({});
  const setInvitation = useCallback((memberId: string, invitation: InvitationCode | undefined) => {
    setInvitations((current) => ({ ...current, [memberId]: invitation }));
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
      const sent = run(target.id, () => removeHouseholdMember(target.id), {
        done: () => update((members) => members.filter((member) => member.id !== target.id)),
      });
      if (sent) setInvitation(target.id, undefined);
    },
    [run, update, setInvitation],
  );

  const invite = useCallback(
    (member: HouseholdMember) => {
      const sent = run(member.id, () => createMemberInvitation(member.id), { done: (invitation) => setInvitation(member.id, invitation) });
      if (sent) setInvitation(member.id, undefined);
    },
    [run, setInvitation],
  );

  return { ...remote, editor, setEditor, save, remove, invite, actionOf: actions.of, invitations };
}
