import type { ServiceOrderView } from '@linli/shared';

import { fetchMyHomeOrders } from '../services/home-orders';
import { useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

/** My and my household's home-service orders, newest first (the 订单 tab lists them apart from bookings). */
export function useMyHomeOrders(): RemoteDataHandle<ServiceOrderView[]> {
  return useRemoteData(fetchMyHomeOrders);
}
