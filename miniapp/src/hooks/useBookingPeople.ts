import { useCallback } from 'react';

import type { SessionAccount } from '@linli/shared';

import { fetchHousehold } from '../services/profile';
import { useRemoteData } from './useRemoteData';

import type { BookingPerson } from './useBookingFlow';
import type { RemoteDataHandle } from './useRemoteData';

/** Who a resident can book for: themselves first, then each household member. */
export function useBookingPeople(account: SessionAccount): RemoteDataHandle<BookingPerson[]> {
  const { residentId, displayName } = account;
  const load = useCallback(async (): Promise<BookingPerson[]> => {
    const members = await fetchHousehold();
    const self: BookingPerson[] = residentId ? [{ id: residentId, name: displayName, relation: '本人' }] : [];
    return [...self, ...members.map((member) => ({ id: member.id, name: member.name, relation: member.relation }))];
  }, [residentId, displayName]);
  return useRemoteData(load);
}
