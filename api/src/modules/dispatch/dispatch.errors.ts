import { MAX_PHOTOS_PER_ORDER, ORDER_STATUS_LABELS, type OrderEvent, type OrderStatus } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';

/*
 * The refusals of home-visit orders, each named for the situation it describes. The code decides the HTTP status
 * (common/errors/error-status.ts, the one table); the words are what the resident, worker or staff member reads.
 */

// ─── ordering and rating ────────────────────────────────────────────────────────────────────────────────────

/** Centre services are booked into a slot (appointments), not ordered to the home. */
export const notAHomeService = () => new DomainError('SLOT_UNAVAILABLE', '该服务需要预约到中心办理的时段', { reason: 'not_home_service' });

export const notYetRateable = (status: OrderStatus) => new DomainError('INVALID_TRANSITION', '服务完成后才能评价', { status });

export const alreadyRated = () => new DomainError('ALREADY_RATED', '该订单已评价');

// ─── the order's life ───────────────────────────────────────────────────────────────────────────────────────

export const orderTransitionRefused = (status: OrderStatus, event: OrderEvent) =>
  new DomainError('INVALID_TRANSITION', `订单当前状态为「${ORDER_STATUS_LABELS[status]}」，不能进行此操作`, { status, event });

/** Another request moved the order between our read and our conditional update. */
export const orderChangedMeanwhile = (status: OrderStatus, event: OrderEvent) => new DomainError('INVALID_TRANSITION', '订单刚刚有了变化，请刷新后再操作', { status, event });

export const workerAtCapacity = (workerId: string) => new DomainError('WORKER_AT_CAPACITY', '该服务人员未完成的订单已达上限', { workerId });

/** A meal run moves on as its stops are delivered (or nobody is at home), not by the worker's start or complete. */
export const mealRunMovesByStops = (status: OrderStatus, event: OrderEvent) =>
  new DomainError('INVALID_TRANSITION', '送餐订单按每户的「已送达 / 家中无人」自动开始和完成', { status, event });

// ─── the worker's workbench ─────────────────────────────────────────────────────────────────────────────────

export const workerOffline = () => new DomainError('WORKER_OFFLINE', '请先上线再抢单');

export const orderTaken = () => new DomainError('ORDER_TAKEN', '已被其他服务人员接单');

export const offerExpired = () => new DomainError('OFFER_EXPIRED', '接单时间已过，订单已转派');

/** The offer was already answered or withdrawn. */
export const offerGone = (status: string | undefined) => new DomainError('ORDER_TAKEN', '该派单已失效', { status });

export const setOutTooEarly = (notice: string, opensAt: Date) => new DomainError('SET_OUT_TOO_EARLY', notice, { opensAt: opensAt.toISOString() });

// ─── phone calls ────────────────────────────────────────────────────────────────────────────────────────────

export const residentHasNoPhone = () => new DomainError('CALL_UNAVAILABLE', '这位居民没有登记电话，请联系社区工作人员', { reason: 'no_phone' });

export const callBeforeAcceptance = (status: OrderStatus) => new DomainError('CALL_UNAVAILABLE', '服务人员接单后才能拨打电话', { reason: 'not_accepted', status });

export const callAfterOrderClosed = (status: OrderStatus) =>
  new DomainError('CALL_UNAVAILABLE', '订单已结束，不能再拨打电话；如有问题请联系社区工作人员', { reason: 'order_closed', status });

// ─── photos ─────────────────────────────────────────────────────────────────────────────────────────────────

export const tooManyPhotos = () => new DomainError('CONFLICT', `每个订单最多上传 ${MAX_PHOTOS_PER_ORDER} 张照片`);

export const photoOutsideService = (status: OrderStatus | undefined) => new DomainError('INVALID_TRANSITION', '服务开始后、确认完成前才能上传照片', { status });
