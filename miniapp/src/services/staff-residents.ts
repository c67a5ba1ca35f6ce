import type { ResidentProfile } from '@linli/shared';

import { request } from './request';

/** A resident staff register at the desk: an elder without WeChat, reached through the phone given here. */
export interface ResidentRegistration {
  name: string;
  communityId: string;
  phone: string;
  phoneOwner: 'self' | 'relative';
  /** Messages about the elder also by SMS to that phone, with the elder's or family's consent (docs/notifications.md). */
  smsNotifications: boolean;
}

export function registerResident(registration: ResidentRegistration): Promise<ResidentProfile> {
  return request<ResidentProfile>('/staff/residents', { method: 'POST', body: registration });
}

/** SMS on or off for a resident registered earlier (with consent); answers the record as staff now see it. */
export function switchSmsNotifications(residentId: string, enabled: boolean): Promise<ResidentProfile> {
  return request<ResidentProfile>(`/staff/residents/${encodeURIComponent(residentId)}/sms-notifications`, { method: 'PUT', body: { enabled } });
}

/** Adds or corrects a resident's phone without the rest of the record (staff see it masked); SMS goes off on a new number. */
export function changeResidentPhone(residentId: string, phone: { phone: string; phoneOwner: 'self' | 'relative' }): Promise<ResidentProfile> {
  return request<ResidentProfile>(`/staff/residents/${encodeURIComponent(residentId)}/phone`, { method: 'PUT', body: phone });
}
