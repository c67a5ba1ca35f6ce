import type { HolidayCalendarStatus, SourcedCalendarDay } from '@linli/shared';

import { request, requestList } from './request';

/** A year's national holidays and make-up working days, each with its source (official, admin, provisional). */
export function fetchCalendarYear(year: number): Promise<SourcedCalendarDay[]> {
  return requestList<SourcedCalendarDay>(`/calendar/${year}`, { auth: false });
}

/** The last year with an official calendar and the year to load now (city-level admins only: 403 for others). */
export function fetchHolidayCalendarStatus(): Promise<HolidayCalendarStatus> {
  return request<HolidayCalendarStatus>('/admin/calendar-status');
}
