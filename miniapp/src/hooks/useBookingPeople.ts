import { useCallback } from 'react';

import type { SessionAccount } from '@linli/shared';

import { fetchHousehold } from '../services/profile';
import { useRemoteData } from './useRemoteData';

import { SELF_RELATION } from '../texts/booking-messages';

import type { BookingPerson } from './useBookingFlow';
import type { RemoteDataHandle } from './useRemoteData';

/** Who a resident can book for: themselves first (a resident account's region is their community), then each household member. */
export function useBookingPeople(account: SessionAccount): RemoteDataHandle<BookingPerson[]> {
  const { residentId, displayName, regionId } = account;
  const load = useCallback(async (): Promise<BookingPerson[]> => {
    const members = await fetchHousehold();
    const self: BookingPerson[] = residentId ? [{ id: residentId, name: displayName, relation: SELF_RELATION, communityId: regionId }] : [];
    return [...self, ...members.map((member) => ({ id: member.id, name: member.name, relation: member.relation, communityId: member.communityId }))];
  }, [residentId, displayName, regionId]);
  return useRemoteData(load);
}
