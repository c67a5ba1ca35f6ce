import { addDays, HOME_VISIT_NOTICE_MINUTES, instantOf, shanghaiDateOf, slotUnavailableReason } from '@linli/shared';

import type { SlotUnavailableReason } from '@linli/shared';

/* The home visit's window as the request form offers it: a date of the next week and one of three presets. */

/** The three windows an elder picks from: simpler than two clocks. Asia/Shanghai wall time. */
export const WINDOW_PRESETS = [
  { key: 'morning', label: '上午', start: '09:00', end: '12:00' },
  { key: 'afternoon', label: '下午', start: '14:00', end: '17:00' },
  { key: 'evening', label: '晚上', start: '18:00', end: '20:00' },
] as const;

export type WindowPresetKey = (typeof WINDOW_PRESETS)[number]['key'];

/** How far ahead the date choice goes (the API allows 30 days; a week of big buttons is enough to read). */
export const WINDOW_DAYS_AHEAD = 7;

export function windowOf(date: string, key: WindowPresetKey): { windowStartsAt: string; windowEndsAt: string } {
  const preset = WINDOW_PRESETS.find((item) => item.key === key)!;
  return { windowStartsAt: instantOf(date, preset.start).toISOString(), windowEndsAt: instantOf(date, preset.end).toISOString() };
}

/** Why a preset of a date cannot be asked for now (over, under way, or within the lead time), or null when it can. */
export function windowUnavailable(date: string, key: WindowPresetKey, now: Date): SlotUnavailableReason | null {
  const { windowStartsAt, windowEndsAt } = windowOf(date, key);
  return slotUnavailableReason({ startsAt: windowStartsAt, endsAt: windowEndsAt }, now, HOME_VISIT_NOTICE_MINUTES);
}

/** Whether a preset of a date still starts late enough to be asked for. */
export function isWindowOpen(date: string, key: WindowPresetKey, now: Date): boolean {
  return windowUnavailable(date, key, now) === null;
}

/** The dates offered: today (if any window is still open) and the next days, WINDOW_DAYS_AHEAD in all. */
export function windowDates(now: Date): string[] {
  const today = shanghaiDateOf(now);
  const first = WINDOW_PRESETS.some((preset) => isWindowOpen(today, preset.key, now)) ? 0 : 1;
  return Array.from({ length: WINDOW_DAYS_AHEAD }, (_, index) => addDays(today, first + index));
}
