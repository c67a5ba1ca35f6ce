import { useCallback, useState } from 'react';

import type { WorkbenchProfileView } from '@linli/shared';

import { currentPosition } from '../../device/location';
import { useInterval } from '../../hooks/usePolling';
import { useSubscribeAsk } from '../../hooks/useSubscribeAsk';
import { ApiError } from '../../services/api-error';
import { reportWorkerPosition, setWorkerPresence } from '../../services/worker';
import { orderErrorMessage } from '../../texts/order-messages';

import type { ActionState } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** How often, while online and on screen, the worker's position is reported (when the phone gives one). */
export const POSITION_REPORT_MS = 60_000;

export interface WorkerPresenceHandle {
  online: boolean;
  /** The last 上线/下线. */
  state: ActionState;
  toggle: () => void;
}

/**
 * 上线/下线: going online sends the position with it when the phone gives one, so the dispatcher can rank the worker
 * by distance at once. The saved profile replaces the one shown; `say` tells the worker what it means.
 */
export function useWorkerPresence(profile: RemoteDataHandle<WorkbenchProfileView>, say: (notice: string) => void): WorkerPresenceHandle {
  const online = profile.state.status === 'ready' && profile.state.data.online;
  const [state, setState] = useState<ActionState>({ status: 'idle' });
  const askSubscribe = useSubscribeAsk('worker_online');

  const toggle = () => {
    if (state.status === 'pending' || profile.state.status !== 'ready') return;
    const next = !online;
    setState({ status: 'pending' });
    // 上线: 新订单提醒 in WeChat, asked in the tap (WeChat's rule), then the position (its own prompt, after this one).
    void (next ? askSubscribe().then(currentPosition) : Promise.resolve(null)).then((position) =>
      setWorkerPresence(next, position).then(
        (saved) => {
          profile.update(() => saved);
          setState({ status: 'idle' });
          say(next ? '已上线，有派单会显示在这里' : '已下线，不会再收到派单');
        },
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          setState({ status: 'failed', message: orderErrorMessage(error) });
        },
      ),
    );
  };

  return { online, state, toggle };
}

/** While `active` (online and on screen): the position every POSITION_REPORT_MS; a failed report waits for the next. */
export function usePositionReports(active: boolean): void {
  const report = useCallback(() => {
    void currentPosition().then((position) => {
      if (!position) return;
      reportWorkerPosition(position).catch((error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      });
    });
  }, []);
  useInterval(report, POSITION_REPORT_MS, active);
}
