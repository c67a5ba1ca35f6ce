import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import { DEFAULT_SET_OUT_LEAD_MINUTES, setOutState } from '@linli/shared';

import type { DispatchOfferView, OrderPhotoView, ServiceOrderView, SetOutState, WorkbenchProfileView } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { showOnMap } from '../../device/map';
import { orderErrorMessage, secondsLeftAfter } from '../../texts/order-messages';
import { EMPTY_REASON, reasonProblem, reasonText } from '../../forms/reason';
import {
  acceptOffer,
  advanceWorkerOrder,
  fetchGrabPool,
  fetchResidentPhone,
  fetchWorkerOffer,
  fetchWorkerOrders,
  fetchWorkerProfile,
  grabOrder,
  rejectOffer,
  reportWorkerPosition,
  setWorkerPresence,
} from '../../services/worker';
import { useActions } from '../../hooks/useActions';
import { usePhoneCall } from '../../hooks/usePhoneCall';
import { useInterval, usePageVisible } from '../../hooks/usePolling';
import { useRemoteData } from '../../hooks/useRemoteData';
import { useWorkPhotos } from './useWorkPhotos';

import type { ReasonValue } from '../../forms/reason';
import type { WorkerPosition, WorkerStep } from '../../services/worker';
import type { ActionState } from '../../hooks/useActions';
import type { PhoneCallState } from '../../hooks/usePhoneCall';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** How often, while online and on screen: look for an offer and the grab pool; report where the worker is. */
export const OFFER_POLL_MS = 5_000;
export const POOL_POLL_MS = 15_000;
export const POSITION_REPORT_MS = 60_000;
/** How often, while a job waits for its service day, the screen looks whether 出发 may be offered yet. */
export const SET_OUT_CLOCK_MS = 30_000;

export const REJECT_REASONS = ['距离太远', '时间冲突', '技能不符', '其他'] as const;
export const NOTE_LIMITS = { min: 2, max: 500 } as const;

export type WorkbenchTab = 'jobs' | 'pool' | 'history';

export interface WorkbenchHandle {
  profile: RemoteDataHandle<WorkbenchProfileView>;
  online: boolean;
  presence: ActionState;
  toggleOnline: () => void;
  offer: DispatchOfferView | null;
  /**
   * Seconds left to answer the offer: the server's `secondsLeft` when the offer arrived, counted down every second
   * on the phone (whose own clock may be minutes off, so `expiresAt` is not compared with it).
   */
  offerSecondsLeft: number;
  rejecting: boolean;
  openReject: (open: boolean) => void;
  rejectReason: ReasonValue;
  setRejectReason: (value: ReasonValue) => void;
  accept: () => void;
  reject: () => void;
  tab: WorkbenchTab;
  setTab: (tab: WorkbenchTab) => void;
  jobs: RemoteDataHandle<ServiceOrderView[]>;
  pool: RemoteDataHandle<ServiceOrderView[]>;
  history: RemoteDataHandle<ServiceOrderView[]>;
  grab: (order: ServiceOrderView) => void;
  /** Which job has its 完成服务 note open, and the note typed. */
  completing: string | null;
  openComplete: (orderId: string | null) => void;
  note: string;
  setNote: (note: string) => void;
  advance: (order: ServiceOrderView, step: WorkerStep) => void;
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
  navigate: (order: ServiceOrderView) => void;
  /** The request from one card (an offer, a pool order, a job), by its id. */
  requestOf: (id: string) => ActionState;
  /** 拍照上传 on a job in service or completed: the camera or album, then the upload; the photo joins the card. */
  addPhoto: (order: ServiceOrderView) => void;
  /** The photo upload of one order. */
  photoUploadOf: (orderId: string) => ActionState;
  /** A sentence about the last thing that worked (接单成功, 已出发…). */
  notice: string | null;
  /** Loads everything again (pull-down, coming back to the page). */
  reload: () => void;
  /** Loads the jobs and history again without the loading screen (they hold the photos: fresh signed paths). */
  reloadQuietly: () => void;
}

const NONE = () => Promise.resolve<ServiceOrderView[]>([]);

/** Where the phone is (GCJ-02), or null when the worker said no or there is no fix: work goes on without it. */
async function currentPosition(): Promise<WorkerPosition | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { latitude, longitude };
  } catch {
    return null;
  }
}

/**
 * The worker's workbench: 上线/下线, the one open offer (with its countdown, polled every OFFER_POLL_MS while online
 * and shown), the grab pool, current jobs and history, and the steps of a job. While online and shown, the position
 * is reported every POSITION_REPORT_MS when the phone gives one.
 */
export function useWorkbench(): WorkbenchHandle {
  const profile = useRemoteData(fetchWorkerProfile);
  const visible = usePageVisible();
  const online = profile.state.status === 'ready' && profile.state.data.online;
  const [presence, setPresence] = useState<ActionState>({ status: 'idle' });
  const [offer, setOffer] = useState<DispatchOfferView | null>(null);
  /** When the shown offer's answer arrived (phone time: only differences of it are used). */
  const [offerReceivedAt, setOfferReceivedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [rejecting, setRejecting] = useState(false);
  const [rejectReason, setRejectReason] = useState<ReasonValue>(EMPTY_REASON);
  const [tab, setTab] = useState<WorkbenchTab>('jobs');
  const [completing, setCompleting] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const requests = useActions();
  const [notice, setNotice] = useState<string | null>(null);
  const [settingOut, setSettingOut] = useState<ServiceOrderView | null>(null);
  const phone = usePhoneCall(fetchResidentPhone);

  const loadJobs = useCallback(() => fetchWorkerOrders('active'), []);
  const loadHistory = useCallback(() => fetchWorkerOrders('history'), []);
  const jobs = useRemoteData(loadJobs);
  const pool = useRemoteData(online ? fetchGrabPool : NONE);
  const history = useRemoteData(tab === 'history' ? loadHistory : NONE);

  const shownOfferId = useRef<string | null>(null);
  /** Offers whose time ran out here: a poll that still returns one (the server's sweep is a moment behind) is ignored. */
  const expiredOfferIds = useRef(new Set<string>());
  const pollOffer = useCallback(() => {
    fetchWorkerOffer().then(
      (answer) => {
        const found = answer && !expiredOfferIds.current.has(answer.id) ? answer : null;
        const id = found?.id ?? null;
        // A new offer opens without the previous one's half-typed reason.
        if (id !== shownOfferId.current) {
          setRejecting(false);
          setRejectReason(EMPTY_REASON);
        }
        shownOfferId.current = id;
        setOffer(found);
        const arrived = Date.now();
        setOfferReceivedAt(arrived);
        setNow(arrived);
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      },
    );
  }, []);

  /** The pool again without the loading screen (a failed poll keeps the list shown). */
  const { update: updatePool } = pool;
  const pollPool = useCallback(() => {
    fetchGrabPool().then(
      (items) => updatePool(() => items),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      },
    );
  }, [updatePool]);

  const reportPosition = useCallback(() => {
    void currentPosition().then((position) => {
      if (!position) return;
      reportWorkerPosition(position).catch((error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      });
    });
  }, []);

  const polling = online && visible;
  useEffect(() => {
    if (polling) pollOffer();
    else setOffer(null);
  }, [polling, pollOffer]);
  useInterval(pollOffer, OFFER_POLL_MS, polling);
  useInterval(pollPool, POOL_POLL_MS, polling);
  useInterval(reportPosition, POSITION_REPORT_MS, polling);
  useInterval(() => setNow(Date.now()), 1000, offer !== null);
  // A job waiting for its day shows 出发 by itself once the time comes.
  const waitingToSetOut = jobs.state.status === 'ready' && jobs.state.data.some((job) => job.status === 'accepted');
  useInterval(() => setNow(Date.now()), SET_OUT_CLOCK_MS, visible && waitingToSetOut && offer === null);

  const offerSecondsLeft = offer ? secondsLeftAfter(offer.secondsLeft, now - offerReceivedAt) : 0;
  useEffect(() => {
    // Time is up: the dispatcher has moved on; look again rather than show a dead offer.
    if (offer && offerSecondsLeft === 0) {
      expiredOfferIds.current.add(offer.id);
      setOffer(null);
      setNotice('派单已超时，系统已转给其他服务人员');
    }
  }, [offer, offerSecondsLeft]);

  const toggleOnline = () => {
    if (presence.status === 'pending' || profile.state.status !== 'ready') return;
    const next = !online;
    setPresence({ status: 'pending' });
    void (next ? currentPosition() : Promise.resolve(null)).then((position) =>
      setWorkerPresence(next, position).then(
        (saved) => {
          profile.update(() => saved);
          setPresence({ status: 'idle' });
          setNotice(next ? '已上线，有派单会显示在这里' : '已下线，不会再收到派单');
        },
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          setPresence({ status: 'failed', message: orderErrorMessage(error) });
        },
      ),
    );
  };

  const run = <T>(id: string, send: () => Promise<T>, done: (answer: T) => void, context: 'grab' | 'other' = 'other') => {
    if (requests.run(id, send, { done, messageOf: (error) => orderErrorMessage(error, context) })) setNotice(null);
  };

  const jobsUpdate = jobs.update;
  const putJob = (saved: ServiceOrderView) =>
    jobsUpdate((items) => {
      const open = saved.status === 'accepted' || saved.status === 'en_route' || saved.status === 'in_service';
      const others = items.filter((item) => item.id !== saved.id);
      if (!open) return others;
      return items.some((item) => item.id === saved.id) ? items.map((item) => (item.id === saved.id ? saved : item)) : [saved, ...items];
    });

  const accept = () => {
    if (!offer) return;
    const { id } = offer;
    run(id, () => acceptOffer(id), (saved) => {
      setOffer(null);
      putJob(saved);
      setTab('jobs');
      setNotice('接单成功，请按时上门');
    });
  };

  const reject = () => {
    if (!offer) return;
    const problem = reasonProblem(rejectReason, true);
    if (problem) {
      requests.fail(offer.id, problem);
      return;
    }
    const { id } = offer;
    run(id, () => rejectOffer(id, reasonText(rejectReason)), () => {
      setOffer(null);
      setRejecting(false);
      setRejectReason(EMPTY_REASON);
      setNotice('已拒单');
    });
  };

  const grab = (order: ServiceOrderView) =>
    run(
      order.id,
      () => grabOrder(order.id),
      (saved) => {
        pool.update((items) => items.filter((item) => item.id !== order.id));
        putJob(saved);
        setTab('jobs');
        setNotice('抢单成功，请按时上门');
      },
      'grab',
    );

  const advance = (order: ServiceOrderView, step: WorkerStep) => {
    if (step === 'complete') {
      const typed = note.trim();
      if (typed.length < NOTE_LIMITS.min || typed.length > NOTE_LIMITS.max) {
        const message = typed.length < NOTE_LIMITS.min ? '请写一下做了哪些服务（至少 2 个字）' : `最多 ${NOTE_LIMITS.max} 个字`;
        requests.fail(order.id, message);
        return;
      }
    }
    const done: Record<WorkerStep, string> = { 'set-out': '已出发，居民能看到您在路上', start: '已开始服务', complete: '服务已完成，等待居民确认。还可以在“历史”里上传照片' };
    run(order.id, () => advanceWorkerOrder(order.id, step, note), (saved) => {
      putJob(saved);
      if (step === 'complete') {
        setCompleting(null);
        setNote('');
      }
      setNotice(done[step]);
    });
  };

  // An API released before the lead was configurable sends none: its rule was no rule, so the default is the safe side.
  const setOutLeadMinutes = (profile.state.status === 'ready' ? profile.state.data.setOutLeadMinutes : undefined) ?? DEFAULT_SET_OUT_LEAD_MINUTES;
  // Read at render: the ticks above re-render the screen when the answer may have changed.
  const setOutOf = (order: ServiceOrderView) => setOutState(new Date(order.windowStartsAt), setOutLeadMinutes, new Date());

  const { update: historyUpdate } = history;
  const withPhoto = (orderId: string, photo: OrderPhotoView) => (items: ServiceOrderView[]) =>
    items.map((item) => (item.id === orderId && !item.photos.some((known) => known.id === photo.id) ? { ...item, photos: [...item.photos, photo] } : item));
  const photos = useWorkPhotos((orderId, photo) => {
    jobsUpdate(withPhoto(orderId, photo));
    historyUpdate(withPhoto(orderId, photo));
    setNotice('照片已上传');
  });

  const navigate = (order: ServiceOrderView) => {
    const place = { ...order.location, name: order.service.name, address: order.address };
    showOnMap(place).catch(() => setNotice('打不开地图，请按地址前往'));
  };

  const { retry: retryProfile } = profile;
  const { retry: retryJobs } = jobs;
  const { retry: retryPool } = pool;
  const { retry: retryHistory } = history;
  const reload = useCallback(() => {
    retryProfile();
    retryJobs();
    retryPool();
    retryHistory();
  }, [retryProfile, retryJobs, retryPool, retryHistory]);
  const { reloadQuietly: reloadJobs } = jobs;
  const { reloadQuietly: reloadHistory } = history;
  const reloadQuietly = useCallback(() => {
    reloadJobs();
    reloadHistory();
  }, [reloadJobs, reloadHistory]);

  return {
    profile,
    online,
    presence,
    toggleOnline,
    offer,
    offerSecondsLeft,
    rejecting,
    openReject: (open) => {
      setRejecting(open);
      setRejectReason(EMPTY_REASON);
      if (offer) requests.reset(offer.id);
    },
    rejectReason,
    setRejectReason,
    accept,
    reject,
    tab,
    setTab,
    jobs,
    pool,
    history,
    grab,
    completing,
    openComplete: (orderId) => {
      setCompleting(orderId);
      setNote('');
    },
    note,
    setNote,
    advance,
    setOutOf,
    settingOut,
    askSetOut: (order) => {
      requests.reset(order.id);
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
    requestOf: requests.of,
    addPhoto: photos.addPhoto,
    photoUploadOf: photos.uploadOf,
    notice,
    reload,
    reloadQuietly,
  };
}
