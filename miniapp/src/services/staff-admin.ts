import type { BookingPolicy, BookingStatistics, CentreServiceSetting, DateException, ServiceSchedule, WeeklyOpening } from '@linli/shared';

import { request } from './request';

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

/** One service at one centre, as the staff schedule screens address it. */
export interface CentreService {
  centreId: string;
  serviceId: string;
}

const servicePath = ({ centreId, serviceId }: CentreService) => path('staff', 'centres', centreId, 'services', serviceId);

export function fetchSchedule(target: CentreService): Promise<ServiceSchedule> {
  return request<ServiceSchedule>(`${servicePath(target)}/schedule`);
}

export function saveWeeklySchedule(target: CentreService, weekly: WeeklyOpening[], policy: BookingPolicy): Promise<ServiceSchedule> {
  return request<ServiceSchedule>(`${servicePath(target)}/schedule`, { method: 'PUT', body: { weekly, policy } });
}

export function saveDateException(target: CentreService, exception: DateException): Promise<ServiceSchedule> {
  const { date, ...body } = exception;
  return request<ServiceSchedule>(`${servicePath(target)}/exceptions/${encodeURIComponent(date)}`, { method: 'PUT', body });
}

export function removeDateException(target: CentreService, date: string): Promise<ServiceSchedule> {
  return request<ServiceSchedule>(`${servicePath(target)}/exceptions/${encodeURIComponent(date)}`, { method: 'DELETE' });
}

export function switchCentreService(target: CentreService, enabled: boolean, notes: string | null): Promise<CentreServiceSetting> {
  return request<CentreServiceSetting>(servicePath(target), { method: 'PUT', body: { enabled, notes } });
}

/** A closed date range, Shanghai `YYYY-MM-DD` both ends. */
export interface DateRange {
  from: string;
  to: string;
}

export function fetchStatistics({ from, to }: DateRange): Promise<BookingStatistics> {
  return request<BookingStatistics>('/staff/statistics', { query: { from, to } });
}

/** The centre's bookings of the range as CSV text (the server masks personal data and audits the export). */
export function fetchBookingsCsv(centreId: string, { from, to }: DateRange): Promise<string> {
  return request<string>('/staff/bookings/export', { query: { centreId, from, to }, as: 'text' });
}
