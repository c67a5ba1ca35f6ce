import { shanghaiDateOf, addDays } from '@linli/shared';

import type { CalendarDaySource, SlotUnavailableReason } from '@linli/shared';

import type { BookingPerson } from '../hooks/useBookingFlow';
import type { ApiError } from '../services/api-error';

/** Sentences the booking screens show inline (never in a pop-up), one per error code that can happen there. */
export const BOOKING_MESSAGES = {
  SLOT_FULL: '这个时段已经约满了。您可以加入候补：有人取消时，按排队顺序为您补上。',
  ALREADY_BOOKED: '这位居民已经预约了这个时段，不用重复预约，可以在“订单”里查看。',
  NOT_ELIGIBLE: '这位居民不符合这项服务的预约条件',
  SLOT_UNAVAILABLE: '这个时段已经不能预约了（可能时间已过，或中心调整了安排），请换一个时段。',
  HOME_SERVICE: '上门服务不按时段预约：请在这项服务的页面点“预约上门服务”，由服务机构派人上门。',
  CONSENT_REQUIRED: '预约前需要先同意《隐私政策》，请到“我的”页面查看并同意。',
  IDEMPOTENCY_KEY_REUSED: '预约信息有变化，请核对后再点一次“确认预约”。',
  WAITLIST_SEATS_LEFT: '这个时段还有空位，可以直接预约，不用候补。',
  INVALID_TRANSITION: '这个预约的状态已经变了，请下拉刷新后再看。',
  CANCEL_TOO_LATE: '离开始时间太近，已经不能在线取消或改约了。如有变化，请致电市民中心。',
  CHECK_IN_CODE_INVALID: '签到码不对或已过期。请居民在“订单”里打开签到码，核对 6 位数字后再输入，或按姓名查找。',
  WRONG_CENTRE: '这个预约不在本中心，请核对居民预约的市民中心。',
  WRONG_DAY: '这个预约不是今天的，今天不能签到。请核对预约日期。',
  NETWORK_RETRY: '网络不稳定，没有收到结果。请再点一次，不会重复预约。',
} as const;

function detail<T>(error: ApiError, key: string): T | undefined {
  const details = error.details;
  if (typeof details !== 'object' || details === null) return undefined;
  return (details as Record<string, T | undefined>)[key];
}

function durationText(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} 天`;
  if (minutes % 60 === 0) return `${minutes / 60} 小时`;
  return `${minutes} 分钟`;
}

/** How the signed-in resident is labelled among the people they can book for. */
export const SELF_RELATION = '本人';

function isSelf(person: Pick<BookingPerson, 'relation'>): boolean {
  return person.relation === SELF_RELATION;
}

/** The tag on the centre of the person's own community: 您所在社区, or 李建国所在社区 when booking for him. */
export function ownCommunityTag(person: BookingPerson): string {
  return `${isSelf(person) ? '您' : person.name}所在社区`;
}

/**
 * The heading over what to bring, worded for the person who will come: 请带上 when it is the resident themself,
 * 请李建国带上 when they booked for someone else (so 本人身份证 reads as his own card, not the booker's).
 */
export function bringHeading(person: BookingPerson): string {
  return isSelf(person) ? '请带上' : `请${person.name}带上`;
}

/** What a slot or window that cannot be booked says in place of its seats or hours: the true reason, briefly. */
export function unavailableNote(reason: SlotUnavailableReason): string {
  switch (reason.kind) {
    case 'passed':
      return '已过';
    case 'started':
      return '已开始';
    case 'too_soon':
      return `需提前 ${durationText(reason.minNoticeMinutes)}预约`;
    case 'full':
      return '已约满';
  }
}

/** The inline message for a failed booking, waitlist, cancel, reschedule or check-in. */
export function bookingErrorMessage(error: ApiError): string {
  switch (error.code) {
    case 'SLOT_FULL':
    case 'ALREADY_BOOKED':
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'CONSENT_REQUIRED':
    case 'INVALID_TRANSITION':
    case 'CHECK_IN_CODE_INVALID':
    case 'WRONG_CENTRE':
    case 'WRONG_DAY':
      return BOOKING_MESSAGES[error.code as keyof typeof BOOKING_MESSAGES];
    case 'BOOKING_LIMIT_REACHED':
      return `${error.message}。请先完成或取消已有的预约，再来预约。`;
    case 'NOT_ELIGIBLE':
      return `${BOOKING_MESSAGES.NOT_ELIGIBLE}：${error.message}`;
    case 'SLOT_UNAVAILABLE':
      return detail<string>(error, 'reason') === 'home_service' ? BOOKING_MESSAGES.HOME_SERVICE : BOOKING_MESSAGES.SLOT_UNAVAILABLE;
    case 'CONFLICT':
      return BOOKING_MESSAGES.WAITLIST_SEATS_LEFT;
    case 'CANCEL_TOO_LATE': {
      const cutoff = detail<number>(error, 'cancelCutoffMinutes');
      return typeof cutoff === 'number' ? `开始前 ${durationText(cutoff)}内不能在线取消或改约。如有变化，请致电市民中心。` : BOOKING_MESSAGES.CANCEL_TOO_LATE;
    }
    case 'NETWORK_ERROR':
    case 'TIMEOUT':
      return BOOKING_MESSAGES.NETWORK_RETRY;
    default:
      return error.message;
  }
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const NEAR_DAYS: Record<string, string> = { '-1': '昨天 ', '0': '今天 ', '1': '明天 ' };

/** `2026-11-27` → `11月27日 周五`, with 昨天/今天/明天 in front when it is. */
export function dateLabel(date: string, now: Date = new Date()): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const today = shanghaiDateOf(now);
  const offset = [-1, 0, 1].find((days) => addDays(today, days) === date);
  const prefix = offset === undefined ? '' : NEAR_DAYS[String(offset)];
  return `${prefix}${month}月${day}日 周${weekday}`;
}

/** Under the dates when a holiday among them is provisional: the law's days, until the State Council's notice. */
export const PROVISIONAL_HOLIDAY_NOTE = '标“暂定”的假日按国家法定节假日推算，节假日安排以国务院通知为准。';

/** A holiday in the date strip: `元旦 休息`, `元旦 休息（暂定）` while the year's notice is not out. */
export function holidayLabel(day: { name: string; source: CalendarDaySource }): string {
  return `${day.name} 休息${day.source === 'provisional' ? '（暂定）' : ''}`;
}

/** `09:00`–`09:30` as it is printed everywhere. */
export function timeRange(start: string, end: string): string {
  return `${start}–${end}`;
}

/** When a booked (or waited-for) slot is, as its 时间 line says it: `明天 11月28日 周六 09:00–09:30`. */
export function slotWhen(slot: { date: string; start: string; end: string }): string {
  return `${dateLabel(slot.date)} ${timeRange(slot.start, slot.end)}`;
}
