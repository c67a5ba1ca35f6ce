import { useCallback, useMemo, useState } from 'react';
import { addDays, shanghaiDateOf, slotUnavailableReason } from '@linli/shared';

import type { SlotAvailability, SlotList, SourcedCalendarDay } from '@linli/shared';

import { fetchSlots } from '../services/bookings';
import { useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

/** How far ahead the date strip goes, today included. */
export const DATE_STRIP_DAYS = 14;

export interface SlotsHandle extends RemoteDataHandle<SlotList> {
  /** Dates within the next DATE_STRIP_DAYS days that have slots or are national holidays, earliest first. */
  dates: string[];
  /** The national holidays among `dates`, by date: shown as closed, never chosen. */
  holidays: ReadonlyMap<string, SourcedCalendarDay>;
  /** Whether one of those holidays is provisional (derived from the law until the State Council's notice). */
  provisional: boolean;
  /**
   * The date whose slots are shown: the one tapped, else the first with a time that can still be booked (a free seat,
   * not begun), else the first with slots — so a resident who takes the first free day never taps a date.
   */
  date: string | null;
  setDate: (date: string) => void;
  /** The shown date's slots, earliest first. */
  slots: SlotAvailability[];
}

export function useSlots(centreId: string, serviceId: string, now: () => Date = () => new Date()): SlotsHandle {
  const load = useCallback(() => fetchSlots(centreId, serviceId), [centreId, serviceId]);
  const remote = useRemoteData(load);
  const [chosen, setDate] = useState<string | null>(null);

  const list = remote.state.status === 'ready' ? remote.state.data : null;
  const { dates, byDate, holidays } = useMemo(() => {
    const groups = new Map<string, SlotAvailability[]>();
    const closed = new Map<string, SourcedCalendarDay>();
    if (list) {
      const first = shanghaiDateOf(now());
      const last = addDays(first, DATE_STRIP_DAYS - 1);
      const inStrip = (date: string) => date >= first && date <= last;
      const sorted = [...list.items].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      for (const slot of sorted) if (inStrip(slot.date)) groups.set(slot.date, [...(groups.get(slot.date) ?? []), slot]);
      for (const day of list.calendar) if (day.kind === 'holiday' && inStrip(day.date) && !groups.has(day.date)) closed.set(day.date, day);
    }
    return { dates: [...groups.keys(), ...closed.keys()].sort(), byDate: groups, holidays: closed };
    // `now` is read once per answer: the strip does not move while the resident is choosing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list]);

  const slotDates = dates.filter((day) => byDate.has(day));
  const withSeats = slotDates.find((day) => byDate.get(day)!.some((slot) => slotUnavailableReason(slot, now(), 0) === null));
  const date = chosen !== null && byDate.has(chosen) ? chosen : (withSeats ?? slotDates[0] ?? null);
  const provisional = [...holidays.values()].some((day) => day.source === 'provisional');
  return { ...remote, dates, holidays, provisional, date, setDate, slots: date ? byDate.get(date)! : [] };
}
