import { useCallback } from 'react';

import type { ServiceOrderView } from '@linli/shared';

import { useInterval } from '../../hooks/usePolling';
import { useRemoteData } from '../../hooks/useRemoteData';
import { ApiError } from '../../services/api-error';
import { fetchGrabPool, grabOrder } from '../../services/worker';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';
import type { CardRequestsHandle } from './useCardRequests';

/** How often, while online and on screen, the grab pool is looked at again. */
export const POOL_POLL_MS = 15_000;

export interface GrabPoolHandle {
  list: RemoteDataHandle<ServiceOrderView[]>;
  /** 抢单: the order leaves the pool and goes to `takeJob`; one someone else took first says so. */
  grab: (order: ServiceOrderView) => void;
}

const NONE = () => Promise.resolve<ServiceOrderView[]>([]);

/** The orders open to grab: loaded while `online`, looked at again every POOL_POLL_MS while `active` (online and shown). */
export function useGrabPool(online: boolean, active: boolean, cards: CardRequestsHandle, takeJob: (saved: ServiceOrderView, notice: string) => void): GrabPoolHandle {
  const list = useRemoteData(online ? fetchGrabPool : NONE);

  /** The pool again without the loading screen (a failed poll keeps the list shown). */
  const { update } = list;
  const poll = useCallback(() => {
    fetchGrabPool().then(
      (items) => update(() => items),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      },
    );
  }, [update]);
  useInterval(poll, POOL_POLL_MS, active);

  const grab = (order: ServiceOrderView) =>
    cards.send(
      order.id,
      () => grabOrder(order.id),
      (saved) => {
        update((items) => items.filter((item) => item.id !== order.id));
        takeJob(saved, '抢单成功，请按时上门');
      },
      'grab',
    );

  return { list, grab };
}
