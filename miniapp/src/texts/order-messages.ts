import { shanghaiDateOf, shanghaiTimeOf } from '@linli/shared';

import type { OrderStatus } from '@linli/shared';

import { dateLabel, timeRange } from './booking-messages';

import type { ApiError } from '../services/api-error';

/** Sentences the home-service screens show inline, one per error code that can happen there. */
export const ORDER_MESSAGES = {
  INVALID_TRANSITION: '订单状态已经变了，请看最新状态。',
  ORDER_TAKEN: '已被其他服务人员接单',
  OFFER_EXPIRED: '这个派单已经超时，系统已转给其他服务人员。',
  WORKER_AT_CAPACITY: '您手上未完成的订单已满，先完成一单再接新的。',
  WORKER_OFFLINE: '请先点“上线”，上线后才能接单。',
  ALREADY_RATED: '这个订单已经评价过了，谢谢您。',
  CONSENT_REQUIRED: '预约前需要先同意《隐私政策》，请到“我的”页面查看并同意。',
  NETWORK_RETRY: '网络不稳定，没有收到结果。请稍后再点一次。',
} as const;

/** The inline message for a failed order action. `grab`: a lost race on a pool order reads as taken by someone else. */
export function orderErrorMessage(error: ApiError, context: 'grab' | 'other' = 'other'): string {
  switch (error.code) {
    case 'ORDER_TAKEN':
      return ORDER_MESSAGES.ORDER_TAKEN;
    case 'CONFLICT':
    case 'INVALID_TRANSITION':
      return context === 'grab' ? ORDER_MESSAGES.ORDER_TAKEN : ORDER_MESSAGES.INVALID_TRANSITION;
    case 'OFFER_EXPIRED':
    case 'WORKER_AT_CAPACITY':
    case 'WORKER_OFFLINE':
    case 'ALREADY_RATED':
    case 'CONSENT_REQUIRED':
      return ORDER_MESSAGES[error.code as keyof typeof ORDER_MESSAGES];
    case 'NETWORK_ERROR':
    case 'TIMEOUT':
      return ORDER_MESSAGES.NETWORK_RETRY;
    default:
      return error.message;
  }
}

/** What a resident can expect next, one plain sentence under the status. */
export const RESIDENT_STATUS_HINTS: Record<OrderStatus, string> = {
  pending_dispatch: '正在为您安排服务人员，请耐心等待。',
  offered: '已通知服务人员，等待对方接单。',
  accepted: '服务人员已接单，会在约定时间上门。',
  en_route: '服务人员正在赶来，请留意电话和敲门声。',
  in_service: '服务人员正在为您服务。',
  completed: '服务已完成。请点“确认完成”，也可以给服务打分。',
  confirmed: '这次服务已完成，谢谢您。',
  cancelled: '这个订单已取消。',
  escalated: '社区工作人员正在帮您安排服务人员。',
  disputed: '已收到您的投诉，社区工作人员会尽快联系您。',
};

/** Orders still moving (someone is dispatching, coming or working): screens poll these for live status. */
export const LIVE_ORDER_STATUSES: readonly OrderStatus[] = ['pending_dispatch', 'offered', 'accepted', 'en_route', 'in_service', 'escalated'];

export function isLiveOrder(status: OrderStatus): boolean {
  return LIVE_ORDER_STATUSES.includes(status);
}

/** `明天 11月28日 周六 09:00–12:00` (Shanghai), or the two dates when the window crosses midnight. */
export function windowLabel(startsAt: string, endsAt: string, now: Date = new Date()): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const startDate = shanghaiDateOf(start);
  const endDate = shanghaiDateOf(new Date(end.getTime() - 1));
  if (startDate === endDate) return `${dateLabel(startDate, now)} ${timeRange(shanghaiTimeOf(start), shanghaiTimeOf(end))}`;
  return `${dateLabel(startDate, now)} ${shanghaiTimeOf(start)} 至 ${dateLabel(endDate, now)} ${shanghaiTimeOf(end)}`;
}

/**
 * Whole seconds still left `elapsedMs` after an answer said `secondsLeft` (never negative). Counting down from the
 * server's figure keeps a phone whose clock is minutes off from showing a wrong countdown.
 */
export function secondsLeftAfter(secondsLeft: number, elapsedMs: number): number {
  return Math.max(0, Math.ceil(secondsLeft - elapsedMs / 1000));
}

/** `1分05秒`, `45秒`: how long a worker has left to answer an offer. */
export function countdownText(seconds: number): string {
  if (seconds < 60) return `${seconds}秒`;
  return `${Math.floor(seconds / 60)}分${String(seconds % 60).padStart(2, '0')}秒`;
}

/** A score as stars for reading, e.g. 4 → ★★★★☆. */
export function starsOf(score: number): string {
  const whole = Math.max(0, Math.min(5, Math.round(score)));
  return `${'★'.repeat(whole)}${'☆'.repeat(5 - whole)}`;
}
