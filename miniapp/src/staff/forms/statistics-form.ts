import { addDays, isoWeekdayOf } from '@linli/shared';

import type { DateRange } from '../../services/staff-admin';

/* The 统计 page's form: the range asked for (presets, or two typed dates, checked), and its figures as read. */

export type RangePreset = 'week' | 'month' | 'last30' | 'custom';

export const RANGE_LABELS: Record<RangePreset, string> = { week: '本周', month: '本月', last30: '近30天', custom: '自定义' };

/** 本周 from Monday, 本月 from the 1st, 近30天 with today as the 30th day; all end today. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DateRange {
  if (preset === 'week') return { from: addDays(today, 1 - isoWeekdayOf(today)), to: today };
  if (preset === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  return { from: addDays(today, -29), to: today };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A problem with a typed range, in Chinese; null when it can be asked for (the server still checks the 366 days). */
export function rangeProblem({ from, to }: DateRange): string | null {
  if (!DATE.test(from) || !DATE.test(to)) return '请按 2026-11-01 这样的格式填写日期';
  if (from > to) return '开始日期不能晚于结束日期';
  return null;
}

/** A no-show rate of 0..1 as a percentage with at most one decimal (12.5%, 0%); "—" when nothing has passed yet. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}
