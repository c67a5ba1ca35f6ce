import { groupResidentBookings } from '@linli/shared';

import type { BookingView, ServiceOrderView } from '@linli/shared';

import { fetchMyBookings } from '../services/bookings';
import { fetchMyHomeOrders } from '../services/home-orders';
import { isLiveOrder } from '../texts/order-messages';
import { useReloadOnReturn } from './usePolling';
import { useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

/** What is next for a resident and their household: the soonest booking still to come, and the soonest live home order. */
export interface NextUp {
  booking: BookingView | null;
  order: ServiceOrderView | null;
}

/** The first of each kind that is still coming; either may be null. */
function nextUpOf(bookings: readonly BookingView[], orders: readonly ServiceOrderView[], now: Date): NextUp {
  const live = orders.filter((order) => isLiveOrder(order.status)).sort((a, b) => a.windowStartsAt.localeCompare(b.windowStartsAt));
  return { booking: groupResidentBookings(bookings, now).upcoming[0] ?? null, order: live[0] ?? null };
}

async function loadNextUp(): Promise<NextUp> {
  const [bookings, orders] = await Promise.all([fetchMyBookings(), fetchMyHomeOrders()]);
  return nextUpOf(bookings, orders, new Date());
}

/**
 * 首页's "what is next" for the signed-in resident. The home tab stays mounted, so it loads again whenever the tab
 * comes back into view (after booking, say), without blanking what is shown.
 */
export function useNextUp(): RemoteDataHandle<NextUp> {
  const remote = useRemoteData(loadNextUp);
  const { state, reloadQuietly, retry } = remote;
  useReloadOnReturn(() => (state.status === 'ready' ? reloadQuietly() : retry()));
  return remote;
}
