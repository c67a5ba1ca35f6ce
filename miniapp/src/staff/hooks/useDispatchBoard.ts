import { useCallback, useState } from 'react';

import type { DispatchBoard, ServiceOrderDetail, ServiceOrderView, AssignableWorker } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { actOnOrder, assignOrder, fetchCandidates, fetchDispatchBoard, fetchDispatchOrder } from '../../services/dispatch';
import { orderErrorMessage } from '../../texts/order-messages';
import { useLiveRefresh } from '../../hooks/useLive';
import { usePageVisible } from '../../hooks/usePolling';
import { useRemoteById, useRemoteData } from '../../hooks/useRemoteData';

import type { ReportedActionState } from '../../hooks/useActions';
import type { StaffOrderAction } from '../../services/dispatch';
import type { LiveFrame } from '../../services/live-socket';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

export type BoardTab = keyof DispatchBoard;

export const BOARD_TABS: readonly { value: BoardTab; label: string }[] = [
  { value: 'pending', label: '待派单' },
  { value: 'offered', label: '待接单' },
  { value: 'escalated', label: '人工派单' },
  { value: 'overdue', label: '超时' },
  { value: 'disputed', label: '投诉' },
];

/**
 * The board is looked at, not refreshed by hand: its changes come by the live socket (a `board` frame reloads it);
 * while the socket is down it is asked for every BOARD_POLL_MS instead (it was every 30 s before the socket).
 */
export const BOARD_POLL_MS = 60_000;

export interface DispatchBoardHandle extends RemoteDataHandle<DispatchBoard> {
  /** '' for every centre of the region. */
  centreId: string;
  setCentreId: (centreId: string) => void;
  tab: BoardTab;
  setTab: (tab: BoardTab) => void;
  /** The orders of the chosen tab. */
  shown: ServiceOrderView[];
}

const isBoardFrame = (frame: LiveFrame) => frame.type === 'board';

/** 派单看板: the region's orders that need an eye, by kind, with counts; all centres or one. */
export function useDispatchBoard(): DispatchBoardHandle {
  const [centreId, setCentreId] = useState('');
  const load = useCallback(() => fetchDispatchBoard(centreId), [centreId]);
  const remote = useRemoteData(load);
  const [tab, setTab] = useState<BoardTab>('escalated');
  const visible = usePageVisible();
  useLiveRefresh(visible && remote.state.status === 'ready', isBoardFrame, remote.reloadQuietly, BOARD_POLL_MS);
  const shown = remote.state.status === 'ready' ? remote.state.data[tab] : [];
  return { ...remote, centreId, setCentreId, tab, setTab, shown };
}

/** Which staff action is open on the order page. */
export type StaffPanel = 'assign' | StaffOrderAction;

export interface DispatchOrderHandle extends RemoteDataHandle<ServiceOrderDetail | null> {
  panel: StaffPanel | null;
  openPanel: (panel: StaffPanel | null) => void;
  candidates: RemoteDataHandle<AssignableWorker[]>;
  workerId: string | null;
  chooseWorker: (workerId: string) => void;
  reason: string;
  setReason: (reason: string) => void;
  action: ReportedActionState;
  submit: () => void;
}

const DONE: Record<StaffPanel, string> = {
  assign: '已指派，服务人员会收到通知',
  requeue: '已重新派单',
  cancel: '订单已取消',
  resolve: '投诉已处理',
};

async function orderOrNull(orderId: string): Promise<ServiceOrderDetail | null> {
  try {
    return await fetchDispatchOrder(orderId);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED')) return null;
    throw error;
  }
}

const NO_CANDIDATES = () => Promise.resolve<AssignableWorker[]>([]);

/** One order on the staff side: its details and timeline, and 指派 / 重新派单 / 取消 / 处理投诉, each with a reason. */
export function useDispatchOrder(orderId: string): DispatchOrderHandle {
  const remote = useRemoteById(orderOrNull, orderId);
  const [panel, setPanel] = useState<StaffPanel | null>(null);
  const loadCandidates = useCallback(() => fetchCandidates(orderId), [orderId]);
  const candidates = useRemoteData(panel === 'assign' ? loadCandidates : NO_CANDIDATES);
  const [workerId, setWorkerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [action, setAction] = useState<ReportedActionState>({ status: 'idle' });
  const { update } = remote;
  const visible = usePageVisible();
  const concernsThisOrder = useCallback((frame: LiveFrame) => frame.type === 'board' && frame.orderId === orderId, [orderId]);
  // Another dispatcher or the worker changed it: shown at once while the socket is up (no polling while it is down).
  useLiveRefresh(visible && remote.state.status === 'ready' && remote.state.data !== null, concernsThisOrder, remote.reloadQuietly, 0);

  const submit = () => {
    if (!panel || action.status === 'pending') return;
    if (panel === 'assign' && !workerId) return setAction({ status: 'failed', message: '请先选一位服务人员' });
    if (reason.trim().length < 2) return setAction({ status: 'failed', message: '请填写原因（至少 2 个字）' });
    setAction({ status: 'pending' });
    const sent: Promise<ServiceOrderView> = panel === 'assign' ? assignOrder(orderId, workerId!, reason.trim()) : actOnOrder(orderId, panel, reason.trim());
    const done = DONE[panel];
    sent.then(
      (saved) => {
        update((current) => (current ? { ...current, ...saved } : current));
        setPanel(null);
        setAction({ status: 'done', message: done });
        orderOrNull(orderId).then(
          (fresh) => fresh && update(() => fresh),
          () => undefined,
        );
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setAction({ status: 'failed', message: orderErrorMessage(error) });
      },
    );
    return undefined;
  };

  return {
    ...remote,
    panel,
    openPanel: (next) => {
      setPanel((current) => (current === next ? null : next));
      setWorkerId(null);
      setReason('');
      setAction({ status: 'idle' });
    },
    candidates,
    workerId,
    chooseWorker: setWorkerId,
    reason,
    setReason,
    action,
    submit,
  };
}
