import { useCallback, useState } from 'react';
import { parseDate, shanghaiDateOf } from '@linli/shared';

import type { ElderMealProfileView, HardshipCategory } from '@linli/shared';

import { useActions } from '../../hooks/useActions';
import { useRemoteById } from '../../hooks/useRemoteData';
import { addHardship, endHardship, fetchMealProfile, setRegisteredDistrict } from '../../services/meal-admin';
import { CANTEEN_MESSAGES } from '../../texts/canteen-messages';

import type { ActionsHandle } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

export interface HardshipDraft {
  category: HardshipCategory | null;
  validFrom: string;
  /** Empty: open-ended. */
  validTo: string;
  note: string;
}

export interface ElderMealProfileHandle {
  profile: RemoteDataHandle<ElderMealProfileView>;
  today: string;
  /** 户籍: any district of the city, or unknown (null). */
  setDistrict: (districtId: string | null) => void;
  draft: HardshipDraft | null;
  setDraft: (draft: HardshipDraft | null) => void;
  /** Opens the form for a new verified hardship, valid from today. */
  newHardship: () => void;
  saveHardship: () => void;
  /** The record being ended, and its last day as typed. */
  ending: { id: string; validTo: string } | null;
  setEnding: (ending: { id: string; validTo: string } | null) => void;
  confirmEnd: () => void;
  /** Ids: 'district', 'hardship', or the hardship being ended. */
  actions: ActionsHandle<string>;
}

const validDate = (text: string) => parseDate(text.trim()) !== null;

/** An elder's meal profile at the desk: registered district, hardships verified against the civil-affairs record, ending one. */
export function useElderMealProfile(residentId: string, now: () => Date = () => new Date()): ElderMealProfileHandle {
  const profile = useRemoteById(fetchMealProfile, residentId);
  const [today] = useState(() => shanghaiDateOf(now()));
  const [draft, setDraft] = useState<HardshipDraft | null>(null);
  const [ending, setEnding] = useState<{ id: string; validTo: string } | null>(null);
  const actions = useActions();
  const saved = useCallback((view: ElderMealProfileView) => profile.update(() => view), [profile]);

  const setDistrict = (districtId: string | null) => actions.run('district', () => setRegisteredDistrict(residentId, districtId), { done: saved });

  const saveHardship = () => {
    if (!draft) return;
    if (!draft.category) return actions.fail('hardship', '请选择困难类别');
    if (!validDate(draft.validFrom) || (draft.validTo.trim() !== '' && !validDate(draft.validTo))) return actions.fail('hardship', CANTEEN_MESSAGES.DATE_INVALID);
    const request = { category: draft.category, validFrom: draft.validFrom.trim(), validTo: draft.validTo.trim() || null, note: draft.note.trim() || null };
    actions.run('hardship', () => addHardship(residentId, request), {
      done: (view) => {
        saved(view);
        setDraft(null);
      },
    });
  };

  const confirmEnd = () => {
    if (!ending) return;
    if (!validDate(ending.validTo)) return actions.fail(ending.id, CANTEEN_MESSAGES.DATE_INVALID);
    const { id, validTo } = ending;
    actions.run(id, () => endHardship(residentId, id, validTo.trim()), {
      done: (view) => {
        saved(view);
        setEnding(null);
      },
    });
  };

  return {
    profile,
    today,
    setDistrict,
    draft,
    setDraft,
    newHardship: () => setDraft({ category: null, validFrom: today, validTo: '', note: '' }),
    saveHardship,
    ending,
    setEnding,
    confirmEnd,
    actions,
  };
}
