import type { BookingEvent, BookingStatus } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';
import type { WaitlistStatus } from './waitlist-entry.entity';

/*
 * The refusals of the appointment rules, each named for the situation it describes. The code decides the HTTP
 * status (common/errors/error-status.ts, the one table); the words are what the resident or staff member reads.
 */

// ─── slots and seats ────────────────────────────────────────────────────────────────────────────────────────

export const slotFull = (startsAt: string) => new DomainError('SLOT_FULL', '该时段已约满，请选择其他时段或加入候补', { slotStartsAt: startsAt });

/** A reschedule found the new slot full: the booking stays where it was. */
export const newSlotFull = (startsAt: string) => new DomainError('SLOT_FULL', '新时段已约满，原预约保持不变', { slotStartsAt: startsAt });

export const slotNotOffered = (startsAt: string) => new DomainError('SLOT_UNAVAILABLE', '该时段不可预约（已过期、太近或不在开放时间内）', { startsAt });

/** Home visits are ordered with an address and a time window (dispatch), not booked into a slot. */
export const homeServiceNotBookable = () => new DomainError('SLOT_UNAVAILABLE', '上门服务请通过上门预约提交地址和时间', { reason: 'home_service' });

// ─── who may book ───────────────────────────────────────────────────────────────────────────────────────────

export const bookingLimitReached = (limit: number) => new DomainError('BOOKING_LIMIT_REACHED', `该服务最多同时预约 ${limit} 次，请先完成或取消已有预约`, { limit });

export const birthDateNeeded = (minAge: number) => new DomainError('NOT_ELIGIBLE', `该服务仅限 ${minAge} 岁以上居民，请先登记身份证号`, { minAge });

export const tooYoung = (minAge: number) => new DomainError('NOT_ELIGIBLE', `该服务仅限 ${minAge} 岁以上居民`, { minAge });

export const bookingRestricted = (windowDays: number, noShows: number, until: Date, untilDate: string) =>
  new DomainError('BOOKING_RESTRICTED', `近 ${windowDays} 天内预约未到场 ${noShows} 次，${untilDate} 前暂不能在线预约，可到市民中心由工作人员代为预约`, {
    noShows,
    until: until.toISOString(),
  });

export const alreadyBooked = () => new DomainError('ALREADY_BOOKED', '已预约过该时段，无需重复预约');

/** A reschedule onto a slot where the person already holds a seat. */
export const alreadyBookedInNewSlot = () => new DomainError('ALREADY_BOOKED', '已预约过该时段');

// ─── changing a booking ─────────────────────────────────────────────────────────────────────────────────────

export const cancelTooLate = (cancelCutoffMinutes: number) =>
  new DomainError('CANCEL_TOO_LATE', `开始前 ${cancelCutoffMinutes} 分钟内不能在线取消，请联系市民中心`, { cancelCutoffMinutes });

export const rescheduleTooLate = (cancelCutoffMinutes: number) =>
  new DomainError('CANCEL_TOO_LATE', `开始前 ${cancelCutoffMinutes} 分钟内不能在线改约，请联系市民中心`, { cancelCutoffMinutes });

export const bookingTransitionRefused = (status: BookingStatus, event: BookingEvent, reason: string) =>
  new DomainError('INVALID_TRANSITION', '当前状态下不能进行该操作', { status, event, reason });

/** Another request moved the booking between our read and our conditional update. */
export const bookingChangedMeanwhile = (event: BookingEvent) => new DomainError('INVALID_TRANSITION', '预约状态已变化，请刷新后重试', { event });

export const notReschedulable = (status: BookingStatus) => new DomainError('INVALID_TRANSITION', '当前状态下不能改约', { status });

// ─── waitlist ───────────────────────────────────────────────────────────────────────────────────────────────

export const bookedSoNoWaitNeeded = () => new DomainError('ALREADY_BOOKED', '已预约该时段，无需候补');

export const seatsStillFree = (remaining: number) => new DomainError('CONFLICT', '该时段还有空位，请直接预约', { remaining });

export const alreadyWaiting = () => new DomainError('ALREADY_BOOKED', '已在该时段的候补名单中');

export const waitlistEntryClosed = (status: WaitlistStatus) => new DomainError('INVALID_TRANSITION', '候补已结束', { status });

// ─── check-in ───────────────────────────────────────────────────────────────────────────────────────────────

export const noCheckInCode = (status: BookingStatus) => new DomainError('INVALID_TRANSITION', '只有已预约（未签到）的预约才有签到码', { status });

export const checkInCodeInvalid = () => new DomainError('CHECK_IN_CODE_INVALID', '签到码不对或已过期，请让居民重新打开签到码，或按姓名查找');

export const tooManyWrongCodes = (retryAfterSeconds: number) =>
  new DomainError('RATE_LIMITED', `签到码输错次数太多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再输入，或按姓名查找签到`, { retryAfterSeconds });

export const wrongCentre = (centreName: string) => new DomainError('WRONG_CENTRE', `该预约在${centreName}，不在本中心`, { centreName });

export const wrongDay = (date: string) => new DomainError('WRONG_DAY', `该预约的日期是 ${date}，不是今天`, { date });

// ─── schedules ──────────────────────────────────────────────────────────────────────────────────────────────

export const calendarForCityAdminsOnly = () => new DomainError('FORBIDDEN', '只有市级管理员可以维护节假日安排');
