import { validateDateException, validateWeeklyOpenings } from '@linli/shared';

import type { BookingPolicy, DateException, IsoWeekday, TimeRange, WeeklyOpening } from '@linli/shared';

import type { ApiError } from '../../services/api-error';

/** The form of one weekday: every field as typed, so a half-typed time is kept until it is saved. */
export interface DayForm {
  weekday: IsoWeekday;
  open: boolean;
  /** One range, or two for a lunch break. */
  ranges: TimeRange[];
  slotMinutes: string;
  seats: string;
}

export type PolicyForm = Record<keyof BookingPolicy, string>;

export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
export const WEEKDAY_LABELS: Record<IsoWeekday, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };

export const POLICY_LABELS: Record<keyof BookingPolicy, string> = {
  bookingWindowDays: '可预约天数',
  minNoticeMinutes: '最少提前分钟',
  cancelCutoffMinutes: '取消截止分钟',
};

export const MORNING: TimeRange = { start: '08:30', end: '12:00' };
export const AFTERNOON: TimeRange = { start: '14:00', end: '17:30' };

export function daysOf(weekly: WeeklyOpening[]): DayForm[] {
  return WEEKDAYS.map((weekday) => {
    const opening = weekly.find((item) => item.weekday === weekday);
    if (!opening || opening.ranges.length === 0) return { weekday, open: false, ranges: [MORNING], slotMinutes: '30', seats: '1' };
    return { weekday, open: true, ranges: opening.ranges, slotMinutes: String(opening.slotMinutes), seats: String(opening.seats) };
  });
}

export function policyFormOf(policy: BookingPolicy): PolicyForm {
  return {
    bookingWindowDays: String(policy.bookingWindowDays),
    minNoticeMinutes: String(policy.minNoticeMinutes),
    cancelCutoffMinutes: String(policy.cancelCutoffMinutes),
  };
}

/** Open days only: a closed weekday simply has no entry. */
export function weeklyOf(days: DayForm[]): WeeklyOpening[] {
  return days.filter((day) => day.open).map((day) => ({ weekday: day.weekday, ranges: day.ranges, slotMinutes: Number(day.slotMinutes), seats: Number(day.seats) }));
}

const WHOLE_NUMBER = /^\d{1,5}$/;

/** The policy, or the problems of its fields (whole numbers; at least one bookable day). */
export function policyOf(form: PolicyForm): { policy: BookingPolicy; problems: string[] } {
  const problems = (Object.keys(POLICY_LABELS) as (keyof BookingPolicy)[]).filter((key) => !WHOLE_NUMBER.test(form[key].trim())).map((key) => `${POLICY_LABELS[key]}请填写整数`);
  const policy: BookingPolicy = {
    bookingWindowDays: Number(form.bookingWindowDays),
    minNoticeMinutes: Number(form.minNoticeMinutes),
    cancelCutoffMinutes: Number(form.cancelCutoffMinutes),
  };
  if (problems.length === 0 && policy.bookingWindowDays < 1) problems.push(`${POLICY_LABELS.bookingWindowDays}至少为 1`);
  return { policy, problems };
}

/** `weekday 3: …` from the shared validation reads `周三：…` (the rest stays as the API words it). */
export function readableProblem(problem: string): string {
  return problem.replace(/^weekday ([1-7]): /, (_match, day: string) => `${WEEKDAY_LABELS[Number(day) as IsoWeekday]}：`);
}

export function weeklyProblems(weekly: WeeklyOpening[]): string[] {
  return validateWeeklyOpenings(weekly).map(readableProblem);
}

export function exceptionProblems(exception: DateException): string[] {
  return validateDateException(exception).map(readableProblem);
}

/** Every message of a VALIDATION_FAILED answer, or the error's own message. */
export function problemsOf(error: ApiError): string[] {
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(error.details)) {
    const messages = (error.details as { message?: unknown }[]).map((item) => item?.message).filter((message): message is string => typeof message === 'string');
    if (messages.length > 0) return messages.map(readableProblem);
  }
  return [error.message];
}

export interface ExceptionForm {
  date: string;
  kind: DateException['kind'];
  range: TimeRange;
  slotMinutes: string;
  seats: string;
  reason: string;
}

export function emptyExceptionForm(date: string): ExceptionForm {
  return { date, kind: 'closed', range: MORNING, slotMinutes: '30', seats: '1', reason: '' };
}

export function exceptionOf(form: ExceptionForm): DateException {
  const base = { date: form.date.trim(), reason: form.reason.trim() };
  if (form.kind === 'closed') return { ...base, kind: 'closed' };
  return { ...base, kind: 'open', ranges: [form.range], slotMinutes: Number(form.slotMinutes), seats: Number(form.seats) };
}

export function describeException(exception: DateException): string {
  if (exception.kind === 'closed') return `闭馆：${exception.reason}`;
  const hours = exception.ranges.map((range) => `${range.start}–${range.end}`).join('、');
  return `特殊开放 ${hours}，每 ${exception.slotMinutes} 分钟 ${exception.seats} 位：${exception.reason}`;
}
