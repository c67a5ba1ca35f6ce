import { useCallback, useState } from 'react';
import { availableOrderEvents } from '@linli/shared';

import type { ServiceOrderDetail, ServiceOrderView } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { cancelHomeOrder, complainAboutHomeOrder, confirmHomeOrder, fetchHomeOrder, rateHomeOrder } from '../../services/home-orders';
import { isLiveOrder, orderErrorMessage } from '../../texts/order-messages';
import { EMPTY_REASON, reasonProblem, reasonText } from '../../forms/reason';
import { useLiveRefresh } from '../../hooks/useLive';
import { usePageVisible } from '../../hooks/usePolling';
import { useRemoteById } from '../../hooks/useRemoteData';

import type { ReasonValue } from '../../forms/reason';
import type { LiveFrame } from '../../services/live-socket';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/**
 * How often the order page asks for the order while it is on screen and still moving and the live socket is down
 * (every 10 s before the socket). While the socket is up, an `order` frame for it reloads it and nothing is polled.
 */
export const ORDER_POLL_MS = 30_000;

export const CANCEL_REASONS = ['不需要了', '时间有变', '已找到人帮忙', '其他'] as const;
export const COMPLAINT_REASONS = ['服务人员没来', '服务没做好', '态度不好', '其他'] as const;
export const COMMENT_MAX = 300;

export type ResidentPanel = 'cancel' | 'rate' | 'complain';

/** The last action from the page: running, failed (why), or done (what to say). */
export type ActionState = { status: 'idle' } | { status: 'pending' } | { status: 'failed'; message: string } | { status: 'done'; message: string };

/** The buttons a resident gets now: from the shared state machine, plus 评价 once the work is done and not yet rated. */
export interface ResidentActions {
  cancel: boolean;
  confirm: boolean;
  rate: boolean;
  complain: boolean;
}

export function residentActionsOf(order: ServiceOrderView): ResidentActions {
  const events = availableOrderEvents(order.status, 'resident');
  return {
    cancel: events.includes('cancel'),
    confirm: events.includes('confirm'),
    rate: (order.status === 'completed' || order.status === 'confirmed') && order.rating === null,
    complain: events.includes('dispute'),
  };
}

export interface HomeOrderHandle extends RemoteDataHandle<ServiceOrderDetail | null> {
  panel: ResidentPanel | null;
  openPanel: (panel: ResidentPanel | null) => void;
  reason: ReasonValue;
  setReason: (value: ReasonValue) => void;
  score: number;
  setScore: (score: number) => void;
  comment: string;
  setComment: (comment: string) => void;
  action: ActionState;
  cancel: () => void;
  confirm: () => void;
  rate: () => void;
  complain: () => void;
}

/**
 * One home-service order for its resident: loaded by id, loaded again while the page is shown and the order is still
 * moving (live status without a refresh button) — when the live socket says it changed, or every ORDER_POLL_MS while
 * the socket is down — and the resident's actions, each opened as a
 * panel under the buttons with its reason, stars or comment.
 */
export function useHomeOrder(orderId: string): HomeOrderHandle {
  const remote = useRemoteById(fetchHomeOrder, orderId);
  const { state, update } = remote;
  const visible = usePageVisible();
  const [panel, setPanel] = useState<ResidentPanel | null>(null);
  const [reason, setReason] = useState<ReasonValue>(EMPTY_REASON);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [action, setAction] = useState<ActionState>({ status: 'idle' });

  /** Fresh data without the loading screen; a failed poll keeps what is shown (the next one may work). */
  const refresh = useCallback(() => {
    fetchHomeOrder(orderId).then(
      (fresh) => {
        if (fresh) update(() => fresh);
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      },
    );
  }, [orderId, update]);

  const live = state.status === 'ready' && state.data !== null && isLiveOrder(state.data.status);
  const concernsThisOrder = useCallback((frame: LiveFrame) => frame.type === 'order' && frame.orderId === orderId, [orderId]);
  useLiveRefresh(live && visible, concernsThisOrder, refresh, ORDER_POLL_MS);

  const openPanel = useCallback((next: ResidentPanel | null) => {
    setPanel((current) => (current === next ? null : next));
    setReason(EMPTY_REASON);
    setAction({ status: 'idle' });
  }, []);

  const run = useCallback(
    (send: () => Promise<ServiceOrderView>, doneMessage: string) => {
      if (action.status === 'pending') return;
      setAction({ status: 'pending' });
      send().then(
        (saved) => {
          update((current) => (current ? { ...current, ...saved } : current));
          setPanel(null);
          setAction({ status: 'done', message: doneMessage });
          refresh(); // the timeline
        },
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          setAction({ status: 'failed', message: orderErrorMessage(error) });
          if (error.code === 'INVALID_TRANSITION' || error.code === 'CONFLICT') refresh();
        },
      );
    },
    [action.status, update, refresh],
  );

  const withReason = (send: (text: string) => Promise<ServiceOrderView>, doneMessage: string) => {
    const problem = reasonProblem(reason, true);
    if (problem) {
      setAction({ status: 'failed', message: problem });
      return;
    }
    run(() => send(reasonText(reason)), doneMessage);
  };

  return {
    ...remote,
    panel,
    openPanel,
    reason,
    setReason,
    score,
    setScore,
    comment,
    setComment,
    action,
    cancel: () => withReason((text) => cancelHomeOrder(orderId, text), '订单已取消'),
    complain: () => withReason((text) => complainAboutHomeOrder(orderId, text), '投诉已提交，社区工作人员会尽快联系您'),
    confirm: () => run(() => confirmHomeOrder(orderId), '已确认完成，谢谢您'),
    rate: () => {
      if (!(Number.isInteger(score) && score >= 1 && score <= 5)) {
        setAction({ status: 'failed', message: '请先点星星打分（1 到 5 颗）' });
        return;
      }
      if (comment.trim().length > COMMENT_MAX) {
        setAction({ status: 'failed', message: `评价最多 ${COMMENT_MAX} 个字` });
        return;
      }
      run(() => rateHomeOrder(orderId, score, comment), '谢谢您的评价');
    },
  };
}
