import { Injectable } from '@nestjs/common';
import {
  missingOfficialCalendarYear,
  provisionalCalendar,
  resolveCalendarYear,
  shanghaiDateOf,
  type CalendarDay,
  type HolidayCalendarStatus,
  type SourcedCalendarDay,
} from '@linli/shared';
import { AppointmentsRepository } from './appointments.repository';
import type { CalendarDayRow } from './calendar-day.entity';
import { festivalDatesOf } from './lunar-festivals';
import { OFFICIAL_CALENDAR_YEARS } from './official-holidays';

export function calendarDayOf(row: CalendarDayRow): CalendarDay {
  return { date: row.date, kind: row.kind, name: row.name, ...(row.worksAs ? { worksAs: row.worksAs } : {}) };
}

/**
 * The national holiday calendar the slot rules use, never silently empty: per year a city admin's import
 * (calendar_day rows) if there is one, else the maintained dataset's notice, else the law's provisional calendar
 * (resolveCalendarYear). Each day says which of the three it came from.
 */
@Injectable()
export class HolidayCalendar {
  /** Provisional years are pure functions of the year: computed once per process. */
  private readonly provisionalYears = new Map<number, CalendarDay[]>();

  constructor(private readonly appointments: AppointmentsRepository) {}

  async year(year: number): Promise<SourcedCalendarDay[]> {
    const imported = await this.appointments.listCalendar(`${year}-01-01`, `${year}-12-31`);
    return resolveCalendarYear({ admin: imported.map(calendarDayOf), official: OFFICIAL_CALENDAR_YEARS.get(year) ?? null, provisional: () => this.provisional(year) });
  }

  /** The calendar's days from `fromDate` to `toDate`, both included, across a new year if need be. */
  async between(fromDate: string, toDate: string): Promise<SourcedCalendarDay[]> {
    const years: number[] = [];
    for (let year = Number(fromDate.slice(0, 4)); year <= Number(toDate.slice(0, 4)); year++) years.push(year);
    const days = (await Promise.all(years.map((year) => this.year(year)))).flat();
    return days.filter((day) => day.date >= fromDate && day.date <= toDate);
  }

  /** Years with an official calendar: the dataset's and those a city admin imported. */
  async officialYears(): Promise<number[]> {
    const imported = await this.appointments.listImportedCalendarYears();
    return [...new Set([...OFFICIAL_CALENDAR_YEARS.keys(), ...imported])].sort((a, b) => a - b);
  }

  async status(now: Date): Promise<HolidayCalendarStatus> {
    const years = await this.officialYears();
    return { lastOfficialYear: years.at(-1) ?? null, missingOfficialYear: missingOfficialCalendarYear(shanghaiDateOf(now), years) };
  }

  private provisional(year: number): CalendarDay[] {
    if (!this.provisionalYears.has(year)) this.provisionalYears.set(year, provisionalCalendar(year, festivalDatesOf(year)));
    return this.provisionalYears.get(year)!;
  }
}
