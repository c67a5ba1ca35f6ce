import { useCallback } from 'react';
import { addDays, shanghaiDateOf } from '@linli/shared';

import type { CalendarDayKind, CalendarDaySource, SourcedCalendarDay } from '@linli/shared';

import { fetchCalendarYear } from '../../services/holiday-calendar';
import { useRemoteData } from '../../hooks/useRemoteData';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** How far ahead the schedule page lists the national calendar, today included. */
export const NATIONAL_HOLIDAYS_DAYS = 60;

/** Consecutive calendar days of one festival, kind and source, as one line: 1月1日–1月3日 元旦 休息. */
export interface CalendarRun {
  first: string;
  last: string;
  kind: CalendarDayKind;
  name: string;
  source: CalendarDaySource;
}

/** Days (sorted) folded into runs of consecutive dates with the same kind, name and source. */
export function calendarRuns(days: readonly SourcedCalendarDay[]): CalendarRun[] {
  const runs: CalendarRun[] = [];
  for (const day of days) {
    const previous = runs.at(-1);
    if (previous && addDays(previous.last, 1) === day.date && previous.kind === day.kind && previous.name === day.name && previous.source === day.source) previous.last = day.date;
    else runs.push({ first: day.date, last: day.date, kind: day.kind, name: day.name, source: day.source });
  }
  return runs;
}

/** The national calendar's days of the next NATIONAL_HOLIDAYS_DAYS days, across a new year, as runs. */
export function useNationalHolidays(now: () => Date = () => new Date()): RemoteDataHandle<CalendarRun[]> {
  const load = useCallback(async () => {
    const first = shanghaiDateOf(now());
    const last = addDays(first, NATIONAL_HOLIDAYS_DAYS - 1);
    const years = [...new Set([Number(first.slice(0, 4)), Number(last.slice(0, 4))])];
    const days = (await Promise.all(years.map(fetchCalendarYear))).flat();
    return calendarRuns(days.filter((day) => day.date >= first && day.date <= last).sort((a, b) => a.date.localeCompare(b.date)));
    // `now` is read when loading: the list is for the day the page opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return useRemoteData(load);
}
