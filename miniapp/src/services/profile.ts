import type { HouseholdMember, HouseholdRelation, InvitationCode, ResidentProfile } from '@linli/shared';

import { request, requestList } from './request';
import { clearSession } from '../storage/token-storage';

/** What a resident types about themselves. Empty optional fields are sent as null ("not given"). */
export interface ProfileInput {
  name: string;
  idNumber: string | null;
  address: string | null;
  communityId: string | null;
}

export interface HouseholdMemberInput extends ProfileInput {
  relation: HouseholdRelation;
  phone: string | null;
}

export async function fetchMyProfile(): Promise<ResidentProfile | null> {
  const body = await request<{ profile: ResidentProfile | null }>('/me/profile');
  return body.profile;
}

export function saveMyProfile(input: ProfileInput): Promise<ResidentProfile> {
  return request<ResidentProfile>('/me/profile', { method: 'PUT', body: withoutUnchangedSecrets(input) });
}

/** `code` is the getPhoneNumber button's one-time code; the server asks WeChat for the number. */
export function bindMyPhone(code: string): Promise<ResidentProfile> {
  return request<ResidentProfile>('/me/phone', { method: 'POST', body: { code } });
}

/** Everything the server holds about me, as it sends it (ID and phone numbers masked). */
export function exportMyData(): Promise<Record<string, unknown>> {
  return request<Record<string, unknown>>('/me/export');
}

export async function deleteMyAccount(): Promise<void> {
  await request<void>('/me', { method: 'DELETE' });
  clearSession();
}

export function fetchHousehold(): Promise<HouseholdMember[]> {
  return requestList<HouseholdMember>('/household/members');
}

export function addHouseholdMember(input: HouseholdMemberInput): Promise<HouseholdMember> {
  return request<HouseholdMember>('/household/members', { method: 'POST', body: input });
}

export function updateHouseholdMember(memberId: string, input: HouseholdMemberInput): Promise<HouseholdMember> {
  return request<HouseholdMember>(`/household/members/${encodeURIComponent(memberId)}`, {
    method: 'PUT',
    body: withoutUnchangedSecrets(input),
  });
}

export async function removeHouseholdMember(memberId: string): Promise<void> {
  await request<void>(`/household/members/${encodeURIComponent(memberId)}`, { method: 'DELETE' });
}

export function createMemberInvitation(memberId: string): Promise<InvitationCode> {
  return request<InvitationCode>(`/household/members/${encodeURIComponent(memberId)}/invitation`, { method: 'POST' });
}

/**
 * The server only ever shows ID and phone numbers masked, so an edit form starts with those fields empty. Empty
 * then means "keep the one on file": the field is left out of the body instead of being sent as null (which would
 * erase it).
 */
function withoutUnchangedSecrets<T extends { idNumber: string | null; phone?: string | null }>(input: T): Partial<T> {
  const body: Partial<T> = { ...input };
  if (!input.idNumber) delete body.idNumber;
  if ('phone' in input && !input.phone) delete body.phone;
  return body;
}
