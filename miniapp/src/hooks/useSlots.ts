import { useCallback, useMemo, useState } from 'react';
import { addDays, shanghaiDateOf } from '@linli/shared';

import type { SlotAvailability } from '@linli/shared';

import { fetchSlots } from '../services/bookings';
import { useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

/** How far ahead the date strip goes, today included. */
export const DATE_STRIP_DAYS = 14;

export interface SlotsHandle extends RemoteDataHandle<SlotAvailability[]> {
  /** Dates with at least one slot within the next DATE_STRIP_DAYS days, earliest first. */
  dates: string[];
  /** The date whose slots are shown: the one tapped, else the first with a free seat, else the first. */
  date: string | null;
  setDate: (date: string) => void;
  /** The shown date's slots, earliest first. */
  slots: SlotAvailability[];
}

export function useSlots(centreId: string, serviceId: string, now: () => Date = () => new Date()): SlotsHandle {
  const load = useCallback(() => fetchSlots(centreId, serviceId), [centreId, serviceId]);
  const remote = useRemoteData(load);
  const [chosen, setDate] = useState<string | null>(null);

  const all = remote.state.status === 'ready' ? remote.state.data : null;
  const { dates, byDate } = useMemo(() => {
    const groups = new Map<string, SlotAvailability[]>();
    if (all) {
      const first = shanghaiDateOf(now());
      const last = addDays(first, DATE_STRIP_DAYS - 1);
      const sorted = [...all].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      for (const slot of sorted) {
        if (slot.date < first || slot.date > last) continue;
        groups.set(slot.date, [...(groups.get(slot.date) ?? []), slot]);
      }
    }
    return { dates: [...groups.keys()], byDate: groups };
    // `now` is read once per answer: the strip does not move while the resident is choosing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [all]);

  const withSeats = dates.find((day) => byDate.get(day)!.some((slot) => slot.remaining > 0));
  const date = chosen !== null && byDate.has(chosen) ? chosen : (withSeats ?? dates[0] ?? null);
  return { ...remote, dates, date, setDate, slots: date ? byDate.get(date)! : [] };
}
