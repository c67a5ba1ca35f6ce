import { useCallback, useState } from 'react';
import { validateWorkingHours } from '@linli/shared';

import type { DispatchMode, InvitationCode, IsoWeekday, ProviderView, WorkingDay } from '@linli/shared';

import { ApiError } from '../services/api-error';
import { addProviderWorker, fetchMyProvider, fetchProviderWorkers, inviteProviderWorker, saveDispatchProfile, setDispatchMode } from '../services/provider-admin';
import { useActions } from './useActions';
import { useRemoteData } from './useRemoteData';

import type { ProviderWorker } from '../services/provider-admin';
import type { ActionState, ReportedActionState } from './useActions';
import type { RemoteDataHandle } from './useRemoteData';

export const WEEKDAY_LABELS: Record<IsoWeekday, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };
export const MAX_OPEN_ORDERS = { min: 1, max: 10 } as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The simple form of a worker's dispatch profile: which services, which communities, which weekdays, one time range. */
export interface ProfileDraft {
  workerId: string;
  skillIds: string[];
  areaIds: string[];
  weekdays: IsoWeekday[];
  start: string;
  end: string;
  maxOpenOrders: number;
}

export function draftOf(worker: ProviderWorker): ProfileDraft {
  const firstRange = worker.workingHours.find((day) => day.ranges.length > 0)?.ranges[0];
  return {
    workerId: worker.id,
    skillIds: worker.skills.map((skill) => skill.id),
    areaIds: worker.areas.map((area) => area.id),
    weekdays: worker.workingHours.map((day) => day.weekday).sort(),
    start: firstRange?.start ?? '08:00',
    end: firstRange?.end ?? '18:00',
    maxOpenOrders: worker.maxOpenOrders || 3,
  };
}

/** The draft as the API wants it, or the problems to fix first. */
export function profileInputOf(draft: ProfileDraft): { ok: true; workingHours: WorkingDay[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!TIME.test(draft.start) || !TIME.test(draft.end)) problems.push('时间请写成 08:00 这样的格式');
  else if (draft.end <= draft.start) problems.push('下班时间要晚于上班时间');
  if (!(Number.isInteger(draft.maxOpenOrders) && draft.maxOpenOrders >= MAX_OPEN_ORDERS.min && draft.maxOpenOrders <= MAX_OPEN_ORDERS.max)) {
    problems.push(`同时最多接单数为 ${MAX_OPEN_ORDERS.min} 到 ${MAX_OPEN_ORDERS.max}`);
  }
  const workingHours: WorkingDay[] = draft.weekdays.map((weekday) => ({ weekday, ranges: [{ start: draft.start, end: draft.end }] }));
  if (problems.length === 0 && validateWorkingHours(workingHours).length > 0) problems.push('工作时间不正确，请检查');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, workingHours };
}

function toggled<T>(items: readonly T[], item: T): T[] {
  return items.includes(item) ? items.filter((value) => value !== item) : [...items, item];
}

export interface ProviderAdminHandle {
  provider: RemoteDataHandle<ProviderView | null>;
  workers: RemoteDataHandle<ProviderWorker[]>;
  mode: ReportedActionState;
  changeMode: (mode: DispatchMode) => void;
  newWorker: { name: string; phone: string };
  setNewWorker: (value: { name: string; phone: string }) => void;
  adding: ReportedActionState;
  addWorker: () => void;
  invitations: Record<string, InvitationCode | undefined>;
  /** 生成邀请码 of each worker, by worker id. */
  invitingOf: (workerId: string) => ActionState;
  invite: (workerId: string) => void;
  draft: ProfileDraft | null;
  editProfile: (worker: ProviderWorker | null) => void;
  toggleSkill: (serviceId: string) => void;
  toggleArea: (regionId: string) => void;
  toggleWeekday: (weekday: IsoWeekday) => void;
  setHours: (start: string, end: string) => void;
  changeCap: (delta: number) => void;
  saving: ReportedActionState;
  saveProfile: () => void;
}

const MOBILE = /^1[3-9]\d{9}$/;

/** 服务机构管理: the organisation's dispatch mode, its workers with their load and rating, adding and inviting them, their dispatch profiles. */
export function useProviderAdmin(providerId: string): ProviderAdminHandle {
  const loadProvider = useCallback(() => fetchMyProvider(providerId), [providerId]);
  const loadWorkers = useCallback(() => fetchProviderWorkers(providerId), [providerId]);
  const provider = useRemoteData(loadProvider);
  const workers = useRemoteData(loadWorkers);
  const [mode, setMode] = useState<ReportedActionState>({ status: 'idle' });
  const [newWorker, setNewWorker] = useState({ name: '', phone: '' });
  const [adding, setAdding] = useState<ReportedActionState>({ status: 'idle' });
  const [invitations, setInvitations] = useState<Record<string, InvitationCode | undefined>>({});
  const inviting = useActions();
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [saving, setSaving] = useState<ReportedActionState>({ status: 'idle' });

  const failed = (error: unknown): ReportedActionState => {
    if (!(error instanceof ApiError)) throw error;
    return { status: 'failed', message: error.message };
  };

  const changeMode = (next: DispatchMode) => {
    if (mode.status === 'pending') return;
    setMode({ status: 'pending' });
    setDispatchMode(providerId, next).then(
      (saved) => {
        provider.update((current) => (current ? { ...current, ...saved } : current));
        setMode({ status: 'done', message: next === 'grab' ? '已改为抢单：新订单进入抢单池' : '已改为派单：系统把订单派给最合适的人' });
      },
      (error: unknown) => setMode(failed(error)),
    );
  };

  const addWorker = () => {
    if (adding.status === 'pending') return;
    const name = newWorker.name.trim();
    const phone = newWorker.phone.replace(/\s+/g, '');
    if (!name) return setAdding({ status: 'failed', message: '请填写姓名' });
    if (!MOBILE.test(phone)) return setAdding({ status: 'failed', message: '请填写 11 位手机号' });
    setAdding({ status: 'pending' });
    addProviderWorker(providerId, name, phone).then(
      (worker) => {
        workers.update((items) => [...items, worker]);
        setNewWorker({ name: '', phone: '' });
        setAdding({ status: 'done', message: `已添加 ${worker.name}，点“生成邀请码”让他绑定微信` });
      },
      (error: unknown) => setAdding(failed(error)),
    );
    return undefined;
  };

  const invite = (workerId: string) => {
    inviting.run(workerId, () => inviteProviderWorker(providerId, workerId), {
      done: (code) => setInvitations((current) => ({ ...current, [workerId]: code })),
    });
  };

  const edit = (change: (current: ProfileDraft) => ProfileDraft) => {
    setDraft((current) => (current ? change(current) : current));
    setSaving({ status: 'idle' });
  };

  const saveProfile = () => {
    if (!draft || saving.status === 'pending') return;
    const input = profileInputOf(draft);
    if (!input.ok) return setSaving({ status: 'failed', message: input.problems.join('；') });
    setSaving({ status: 'pending' });
    saveDispatchProfile(providerId, draft.workerId, {
      skillServiceIds: draft.skillIds,
      areaRegionIds: draft.areaIds,
      workingHours: input.workingHours,
      maxOpenOrders: draft.maxOpenOrders,
    }).then(
      (saved) => {
        workers.update((items) => items.map((item) => (item.id === saved.id ? saved : item)));
        setDraft(null);
        setSaving({ status: 'done', message: `已保存 ${saved.name} 的接单设置` });
      },
      (error: unknown) => setSaving(failed(error)),
    );
    return undefined;
  };

  return {
    provider,
    workers,
    mode,
    changeMode,
    newWorker,
    setNewWorker,
    adding,
    addWorker,
    invitations,
    invitingOf: inviting.of,
    invite,
    draft,
    editProfile: (worker) => {
      setDraft(worker ? draftOf(worker) : null);
      setSaving({ status: 'idle' });
    },
    toggleSkill: (id) => edit((current) => ({ ...current, skillIds: toggled(current.skillIds, id) })),
    toggleArea: (id) => edit((current) => ({ ...current, areaIds: toggled(current.areaIds, id) })),
    toggleWeekday: (weekday) => edit((current) => ({ ...current, weekdays: toggled(current.weekdays, weekday).sort() })),
    setHours: (start, end) => edit((current) => ({ ...current, start, end })),
    changeCap: (delta) =>
      edit((current) => ({
        ...current,
        maxOpenOrders: Math.min(MAX_OPEN_ORDERS.max, Math.max(MAX_OPEN_ORDERS.min, current.maxOpenOrders + delta)),
      })),
    saving,
    saveProfile,
  };
}
