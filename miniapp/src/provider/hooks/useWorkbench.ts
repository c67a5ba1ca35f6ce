import { useCallback, useState } from 'react';

import { DEFAULT_SET_OUT_LEAD_MINUTES } from '@linli/shared';

import type { OrderPhotoView, ServiceOrderView, WorkbenchProfileView } from '@linli/shared';

import { usePageVisible } from '../../hooks/usePolling';
import { useRemoteData } from '../../hooks/useRemoteData';
import { fetchWorkerOrders, fetchWorkerProfile } from '../../services/worker';
import { useCardRequests } from './useCardRequests';
import { useGrabPool } from './useGrabPool';
import { useJobs } from './useJobs';
import { useMealRuns } from './useMealRuns';
import { useOffer } from './useOffer';
import { usePositionReports, useWorkerPresence } from './useWorkerPresence';
import { useWorkPhotos } from './useWorkPhotos';

import type { ActionState } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';
import type { GrabPoolHandle } from './useGrabPool';
import type { JobsHandle } from './useJobs';
import type { MealRunsHandle } from './useMealRuns';
import type { OfferHandle } from './useOffer';
import type { WorkerPresenceHandle } from './useWorkerPresence';
import type { WorkPhotosHandle } from './useWorkPhotos';

export type WorkbenchTab = 'jobs' | 'pool' | 'history';

export interface WorkbenchHandle {
  profile: RemoteDataHandle<WorkbenchProfileView>;
  presence: WorkerPresenceHandle;
  offer: OfferHandle;
  pool: GrabPoolHandle;
  jobs: JobsHandle;
  /** Meal-delivery runs held: stops in order, 已送达 / 家中无人 per door. */
  mealRuns: MealRunsHandle;
  history: RemoteDataHandle<ServiceOrderView[]>;
  /** 拍照上传 on a job in service or completed: the camera or album, then the upload; the photo joins the card. */
  photos: WorkPhotosHandle;
  /** The request from one card (an offer, a pool order, a job), by its id. */
  requestOf: (id: string) => ActionState;
  tab: WorkbenchTab;
  setTab: (tab: WorkbenchTab) => void;
  /** A sentence about the last thing that worked (接单成功, 已出发…). */
  notice: string | null;
  /** Loads everything again (pull-down, coming back to the page). */
  reload: () => void;
  /** Loads the jobs and history again without the loading screen (they hold the photos: fresh signed paths). */
  reloadQuietly: () => void;
}

const NONE = () => Promise.resolve<ServiceOrderView[]>([]);
const loadHistory = () => fetchWorkerOrders('history');

const withPhoto = (orderId: string, photo: OrderPhotoView) => (items: ServiceOrderView[]) =>
  items.map((item) => (item.id === orderId && !item.photos.some((known) => known.id === photo.id) ? { ...item, photos: [...item.photos, photo] } : item));

/**
 * The worker's workbench, put together: presence (and the position reports while online and shown), the offer, the
 * grab pool, current jobs and history, their photos, and one notice line that each part writes to. Polling runs only
 * while the worker is online and the page is on screen.
 */
export function useWorkbench(): WorkbenchHandle {
  const profile = useRemoteData(fetchWorkerProfile);
  const visible = usePageVisible();
  const [tab, setTab] = useState<WorkbenchTab>('jobs');
  const [notice, setNotice] = useState<string | null>(null);
  const cards = useCardRequests(setNotice);

  const presence = useWorkerPresence(profile, setNotice);
  const polling = presence.online && visible;
  usePositionReports(polling);

  // An API released before the lead was configurable sends none: its rule was no rule, so the default is the safe side.
  const setOutLeadMinutes = (profile.state.status === 'ready' ? profile.state.data.setOutLeadMinutes : undefined) ?? DEFAULT_SET_OUT_LEAD_MINUTES;
  const jobs = useJobs(cards, setNotice, visible, setOutLeadMinutes);
  const mealRuns = useMealRuns(cards, setNotice, setOutLeadMinutes);
  /** 接单 or 抢单 went through: the order joins the jobs (a meal run, the runs), shown at once. */
  const takeJob = (saved: ServiceOrderView, message: string) => {
    if (saved.kind === 'meal_delivery') mealRuns.list.reloadQuietly();
    else jobs.put(saved);
    setTab('jobs');
    setNotice(message);
  };
  const offer = useOffer(polling, cards, takeJob, setNotice);
  const pool = useGrabPool(presence.online, polling, cards, takeJob);
  const history = useRemoteData(tab === 'history' ? loadHistory : NONE);

  const { update: updateJobs } = jobs.list;
  const { update: updateHistory } = history;
  const photos = useWorkPhotos((orderId, photo) => {
    updateJobs(withPhoto(orderId, photo));
    updateHistory(withPhoto(orderId, photo));
    setNotice('照片已上传');
  });

  const { retry: retryProfile } = profile;
  const { retry: retryJobs, reloadQuietly: reloadJobs } = jobs.list;
  const { retry: retryPool } = pool.list;
  const { retry: retryHistory, reloadQuietly: reloadHistory } = history;
  const { retry: retryMealRuns } = mealRuns.list;
  const reload = useCallback(() => {
    retryProfile();
    retryJobs();
    retryMealRuns();
    retryPool();
    retryHistory();
  }, [retryProfile, retryJobs, retryMealRuns, retryPool, retryHistory]);
  const reloadQuietly = useCallback(() => {
    reloadJobs();
    reloadHistory();
  }, [reloadJobs, reloadHistory]);

  return { profile, presence, offer, pool, jobs, mealRuns, history, photos, requestOf: cards.of, tab, setTab, notice, reload, reloadQuietly };
}
