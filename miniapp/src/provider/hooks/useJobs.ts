import { useCallback, useState } from 'react';

import { serviceOrderTitle, setOutState } from '@linli/shared';

import type { ServiceOrderView, SetOutState } from '@linli/shared';

import { showOnMap } from '../../device/map';
import { usePhoneCall } from '../../hooks/usePhoneCall';
import { useInterval } from '../../hooks/usePolling';
import { useRemoteData } from '../../hooks/useRemoteData';
import { advanceWorkerOrder, fetchResidentPhone, fetchWorkerOrders } from '../../services/worker';

import type { PhoneCallState } from '../../hooks/usePhoneCall';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';
import type { WorkerStep } from '../../services/worker';
import type { CardRequestsHandle } from './useCardRequests';

/** How often, while a job waits for its service day, the screen looks whether 出发 may be offered yet. */
export const SET_OUT_CLOCK_MS = 30_000;

export const NOTE_LIMITS = { min: 2, max: 500 } as const;

const STEP_DONE: Record<WorkerStep, string> = {
  'set-out': '已出发，居民能看到您在路上',
  start: '已开始服务',
  complete: '服务已完成，等待居民确认。还可以在“历史”里上传照片',
};

export interface JobsHandle {
  list: RemoteDataHandle<ServiceOrderView[]>;
  /** A job taken (接单, 抢单) or moved on: shown while open, first when new; gone once done or cancelled. */
  put: (saved: ServiceOrderView) => void;
  advance: (order: ServiceOrderView, step: WorkerStep) => void;
  /** Which job has its 完成服务 note open, and the note typed. */
  completing: string | null;
  openComplete: (orderId: string | null) => void;
  note: string;
  setNote: (note: string) => void;
  /**
   * Whether 出发 may be tapped now for an accepted job (the shared rule the API applies: on the service day, from
   * the lead time before the window), and otherwise the sentence saying from when.
   */
  setOutOf: (order: ServiceOrderView) => SetOutState;
  /** The job whose 出发 waits for the worker to confirm address and time; null when no question is open. */
  settingOut: ServiceOrderView | null;
  askSetOut: (order: ServiceOrderView) => void;
  confirmSetOut: () => void;
  cancelSetOut: () => void;
  /** 拨打居民电话: the resident's number, asked for on the tap, then dialled. */
  callResident: (order: ServiceOrderView) => void;
  calls: Record<string, PhoneCallState | undefined>;
  /** 导航: the address on the phone's map. */
  navigate: (order: ServiceOrderView) => void;
}

function isOpen(order: ServiceOrderView): boolean {
  return order.status === 'accepted' || order.status === 'en_route' || order.status === 'in_service';
}

/**
 * The worker's current jobs and their steps: 出发 (asked first, and only from the time the shared rule allows), 开始服务,
 * 完成服务 with a note of what was done; calling the resident and the way there. `setOutLeadMinutes` is the worker's
 * organisation's lead before the window.
 */
export function useJobs(cards: CardRequestsHandle, say: (notice: string) => void, visible: boolean, setOutLeadMinutes: number): JobsHandle {
  const loadJobs = useCallback(() => fetchWorkerOrders('active'), []);
  const list = useRemoteData(loadJobs);
  const [completing, setCompleting] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [settingOut, setSettingOut] = useState<ServiceOrderView | null>(null);
  const phone = usePhoneCall(fetchResidentPhone);

  // A job waiting for its day shows 出发 by itself once the time comes: this tick re-renders the screen to look again.
  const [, setNow] = useState(() => Date.now());
  const waitingToSetOut = list.state.status === 'ready' && list.state.data.some((job) => job.status === 'accepted');
  useInterval(() => setNow(Date.now()), SET_OUT_CLOCK_MS, visible && waitingToSetOut);

  const { update } = list;
  const put = (saved: ServiceOrderView) =>
    update((items) => {
      const others = items.filter((item) => item.id !== saved.id);
      if (!isOpen(saved)) return others;
      return items.some((item) => item.id === saved.id) ? items.map((item) => (item.id === saved.id ? saved : item)) : [saved, ...items];
    });

  const advance = (order: ServiceOrderView, step: WorkerStep) => {
    if (step === 'complete') {
      const typed = note.trim();
      if (typed.length < NOTE_LIMITS.min || typed.length > NOTE_LIMITS.max) {
        cards.fail(order.id, typed.length < NOTE_LIMITS.min ? '请写一下做了哪些服务（至少 2 个字）' : `最多 ${NOTE_LIMITS.max} 个字`);
        return;
      }
    }
    cards.send(
      order.id,
      () => advanceWorkerOrder(order.id, step, note),
      (saved) => {
        put(saved);
        if (step === 'complete') {
          setCompleting(null);
          setNote('');
        }
        say(STEP_DONE[step]);
      },
    );
  };

  // Read at render: the ticks re-render the screen when the answer may have changed.
  const setOutOf = (order: ServiceOrderView) => setOutState(new Date(order.windowStartsAt), setOutLeadMinutes, new Date());

  const navigate = (order: ServiceOrderView) => {
    const place = { ...order.location, name: serviceOrderTitle(order), address: order.address };
    showOnMap(place).catch(() => say('打不开地图，请按地址前往'));
  };

  return {
    list,
    put,
    advance,
    completing,
    openComplete: (orderId) => {
      setCompleting(orderId);
      setNote('');
    },
    note,
    setNote,
    setOutOf,
    settingOut,
    askSetOut: (order) => {
      cards.reset(order.id);
      setSettingOut(order);
    },
    confirmSetOut: () => {
      // The question closes at once; the job's 出发 shows the request running and then its outcome.
      if (settingOut) advance(settingOut, 'set-out');
      setSettingOut(null);
    },
    cancelSetOut: () => setSettingOut(null),
    callResident: (order) => phone.call(order.id),
    calls: phone.calls,
    navigate,
  };
}
