import type { ServiceOrderView } from '@linli/shared';

import { fetchMyHomeOrders } from '../services/home-orders';
import { useLiveRefresh } from './useLive';
import { usePageVisible } from './usePolling';
import { useRemoteData } from './useRemoteData';

import type { LiveFrame } from '../services/live-socket';
import type { RemoteDataHandle } from './useRemoteData';

const isOrderFrame = (frame: LiveFrame) => frame.type === 'order';

/**
 * My and my household's home-service orders, newest first (the 订单 tab lists them apart from bookings). While the tab
 * is shown, an order's change announced by the live socket (`order` frames: the resident's and their household's
 * orders) reloads the list; it is not polled (coming back to the tab and pulling down reload it, as before).
 */
export function useMyHomeOrders(): RemoteDataHandle<ServiceOrderView[]> {
  const remote = useRemoteData(fetchMyHomeOrders);
  const visible = usePageVisible();
  useLiveRefresh(visible && remote.state.status === 'ready', isOrderFrame, remote.reloadQuietly, 0);
  return remote;
}
