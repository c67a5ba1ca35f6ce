import { parseDate, parseTime } from '@linli/shared';

import type {
  FieldViolation,
  IsoWeekday,
  OutletCommunity,
  OutletDatedHours,
  OutletElderFeature,
  OutletInput,
  OutletKind,
  OutletTimeRange,
  OutletView,
  OutletWeekday,
} from '@linli/shared';

import type { ApiError } from '../../services/api-error';

/** How a weekday opens: not at all, in the ranges given (split, or past midnight), or around the clock. */
export type DayMode = 'closed' | 'hours' | 'allDay';

export interface DayHoursForm {
  weekday: IsoWeekday;
  mode: DayMode;
  /** Kept while the day is closed or 24 h, so switching back brings the typed hours back. */
  ranges: OutletTimeRange[];
}

/** A date with its own hours being written: closed (a holiday, a closure) or special hours, and the note residents see. */
export interface DatedDraft {
  date: string;
  closed: boolean;
  range: OutletTimeRange;
  note: string;
}

/** Every field as typed, so a half-typed number or time is kept until it is saved. */
export interface OutletForm {
  name: string;
  kind: OutletKind | null;
  regionId: string;
  address: string;
  latitude: string;
  longitude: string;
  phone: string;
  days: DayHoursForm[];
  dated: OutletDatedHours[];
  /** Tags separated by 、 (or commas, spaces). */
  services: string;
  elderFeatures: OutletElderFeature[];
  /** https URLs and uploaded photos' signed paths, sent back as they came (leaving one out removes it). */
  photoUrls: string[];
}

export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const DAYTIME: OutletTimeRange = { start: '08:00', end: '20:00' };
const AFTERNOON: OutletTimeRange = { start: '13:30', end: '20:00' };
const WHOLE_DAY: OutletTimeRange = { start: '00:00', end: '24:00' };
export const MAX_RANGES_PER_DAY = 4;

const isWholeDay = (ranges: OutletTimeRange[]) => ranges.length === 1 && ranges[0].start === WHOLE_DAY.start && ranges[0].end === WHOLE_DAY.end;

export function dayFormsOf(weekly: OutletWeekday[]): DayHoursForm[] {
  return WEEKDAYS.map((weekday) => {
    const ranges = weekly.find((day) => day.weekday === weekday)?.ranges ?? [];
    if (ranges.length === 0) return { weekday, mode: 'closed', ranges: [DAYTIME] };
    if (isWholeDay(ranges)) return { weekday, mode: 'allDay', ranges: [DAYTIME] };
    return { weekday, mode: 'hours', ranges };
  });
}

/** A new outlet: open 08:00–20:00 every day, placed where the first community's centre is until staff say otherwise. */
export function newOutletForm(community: OutletCommunity | null): OutletForm {
  return {
    name: '',
    kind: null,
    regionId: community?.id ?? '',
    address: '',
    latitude: community?.latitude != null ? String(community.latitude) : '',
    longitude: community?.longitude != null ? String(community.longitude) : '',
    phone: '',
    days: WEEKDAYS.map((weekday) => ({ weekday, mode: 'hours', ranges: [DAYTIME] })),
    dated: [],
    services: '',
    elderFeatures: [],
    photoUrls: [],
  };
}

export function outletFormOf(outlet: OutletView): OutletForm {
  return {
    name: outlet.name,
    kind: outlet.kind,
    regionId: outlet.regionId,
    address: outlet.address,
    latitude: String(outlet.latitude),
    longitude: String(outlet.longitude),
    phone: outlet.phone,
    days: dayFormsOf(outlet.hours.weekly),
    dated: [...outlet.hours.dated].sort((a, b) => a.date.localeCompare(b.date)),
    services: outlet.services.join('、'),
    elderFeatures: outlet.elderFeatures,
    photoUrls: outlet.photoUrls,
  };
}

/** A further range for a day with one (an afternoon after a lunch break), or none when the day has the most allowed. */
export function withAnotherRange(day: DayHoursForm): DayHoursForm {
  if (day.ranges.length >= MAX_RANGES_PER_DAY) return day;
  return { ...day, ranges: [...day.ranges, day.ranges.length === 1 ? AFTERNOON : DAYTIME] };
}

const TIME_HINT = '请写成 08:00 这样（24 小时制）';

/** True for a range that runs past midnight (its end is not after its start), which belongs to the day it starts. */
export function runsPastMidnight(range: OutletTimeRange): boolean {
  const start = parseTime(range.start);
  const end = range.end === '24:00' ? null : parseTime(range.end);
  return start !== null && end !== null && end < start;
}

/** What is wrong with each end of a range, as outletHoursProblems (shared) judges it: HH:mm, `24:00` as an end, not empty. */
export function rangeErrors(range: OutletTimeRange): { start?: string; end?: string } {
  const start = parseTime(range.start.trim());
  const end = range.end.trim() === '24:00' ? 24 * 60 : parseTime(range.end.trim());
  if (start === null || end === null) return { ...(start === null ? { start: TIME_HINT } : {}), ...(end === null ? { end: TIME_HINT } : {}) };
  return start === end ? { end: '结束不能与开始相同（全天营业请选“24小时”）' } : {};
}

/**
 * Problems by field, each shown under its own input: the OutletInput field names (`name`, `latitude`, …), `hours`
 * for the hours as a whole, `<weekday>.<range index>.start|end` for a weekly range, and `form` for what belongs to
 * no field (shown by the save button).
 */
export type OutletFormErrors = Record<string, string>;

export const rangeKey = (weekday: IsoWeekday, index: number, end: 'start' | 'end') => `${weekday}.${index}.${end}`;

export function emptyDatedDraft(date: string): DatedDraft {
  return { date, closed: true, range: DAYTIME, note: '' };
}

/** The draft's problems by field: `date`, `note`, `start`, `end`. */
export type DatedDraftErrors = Partial<Record<'date' | 'note' | 'start' | 'end', string>>;

/** The draft as a dated entry, or what is wrong with each of its fields (a date already listed, no note, bad times). */
export function datedOf(draft: DatedDraft, listed: OutletDatedHours[]): { dated: OutletDatedHours | null; errors: DatedDraftErrors } {
  const date = draft.date.trim();
  const note = draft.note.trim();
  const range = { start: draft.range.start.trim(), end: draft.range.end.trim() };
  const errors: DatedDraftErrors = draft.closed ? {} : rangeErrors(range);
  if (parseDate(date) === null) errors.date = '日期请写成 2026-12-01 这样';
  else if (listed.some((day) => day.date === date)) errors.date = `${date} 已经有了，请先删掉原来的`;
  if (!note) errors.note = '请写明原因（居民会看到，如：元旦休息）';
  else if (note.length > 40) errors.note = '原因最多 40 个字';
  if (Object.keys(errors).length > 0) return { dated: null, errors };
  return { dated: { date, ranges: draft.closed ? [] : [range], note }, errors };
}

const PHONE = /^[0-9+\-\s]{5,32}$/;
const SERVICE_SEPARATORS = /[、，,;；\s]+/;

function coordinate(text: string, label: string, min: number, max: number): { value: number; error?: string } {
  const value = Number(text.trim());
  if (!text.trim() || !Number.isFinite(value) || value < min || value > max) return { value, error: `${label}请填写 ${min} 到 ${max} 之间的数字` };
  return { value };
}

/** The same checks the API makes (OutletInputDto and outletHoursProblems), so every mistake shows at once by its field. */
export function outletInputOf(form: OutletForm): { input: OutletInput | null; errors: OutletFormErrors } {
  const errors: OutletFormErrors = {};
  const name = form.name.trim();
  const address = form.address.trim();
  const phone = form.phone.trim();
  if (name.length < 2 || name.length > 80) errors.name = '名称请填写 2 到 80 个字';
  if (!form.kind) errors.kind = '请选择类型';
  if (!form.regionId) errors.regionId = '请选择所在社区';
  if (address.length < 2 || address.length > 200) errors.address = '地址请填写 2 到 200 个字';
  const latitude = coordinate(form.latitude, '纬度', 3, 54);
  const longitude = coordinate(form.longitude, '经度', 73, 136);
  if (latitude.error) errors.latitude = latitude.error;
  if (longitude.error) errors.longitude = longitude.error;
  if (!PHONE.test(phone)) errors.phone = '电话请填写数字（可带 - 和区号）';
  const services = form.services
    .split(SERVICE_SEPARATORS)
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (services.length > 20) errors.services = '服务最多 20 项';
  else if (services.some((tag) => tag.length > 20)) errors.services = '每项服务最多 20 个字';
  const weekly: OutletWeekday[] = [];
  for (const day of form.days) {
    if (day.mode === 'closed') continue;
    if (day.mode === 'allDay') {
      weekly.push({ weekday: day.weekday, ranges: [WHOLE_DAY] });
      continue;
    }
    const ranges = day.ranges.map((range) => ({ start: range.start.trim(), end: range.end.trim() }));
    ranges.forEach((range, index) => {
      const found = rangeErrors(range);
      if (found.start) errors[rangeKey(day.weekday, index, 'start')] = found.start;
      if (found.end) errors[rangeKey(day.weekday, index, 'end')] = found.end;
    });
    weekly.push({ weekday: day.weekday, ranges });
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      name,
      kind: form.kind!,
      regionId: form.regionId,
      address,
      latitude: latitude.value,
      longitude: longitude.value,
      phone,
      hours: { weekly, dated: form.dated },
      services,
      photoUrls: form.photoUrls,
      elderFeatures: form.elderFeatures,
    },
    errors,
  };
}

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  kind: '类型',
  regionId: '所在社区',
  address: '地址',
  latitude: '纬度',
  longitude: '经度',
  phone: '电话',
  hours: '营业时间',
  services: '服务',
  elderFeatures: '适老服务',
  photoUrls: '照片',
};
const CHINESE = /[\u4e00-\u9fff]/;

/**
 * A refused save's problems by field. The API's own words are shown where they are Chinese (the hours' problems);
 * class-validator's English becomes `<label>不符合要求`. `hours.weekly.<i>.ranges.<j>.<end>` points at the range of
 * the i-th weekday sent; anything else lands on `form`.
 */
export function outletErrorsOf(error: ApiError, sent: OutletInput): OutletFormErrors {
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return { form: error.message };
  const errors: OutletFormErrors = {};
  for (const violation of error.details as Partial<FieldViolation>[]) {
    const field = typeof violation?.field === 'string' ? violation.field : '';
    const top = field.split('.')[0];
    const range = /^hours\.weekly\.(\d+)\.ranges\.(\d+)\.(start|end)$/.exec(field);
    const weekday = range ? sent.hours.weekly[Number(range[1])]?.weekday : undefined;
    const key = range && weekday ? rangeKey(weekday, Number(range[2]), range[3] as 'start' | 'end') : top in FIELD_LABELS ? top : 'form';
    const message = typeof violation?.message === 'string' && CHINESE.test(violation.message) ? violation.message : `${FIELD_LABELS[top] ?? '内容'}不符合要求，请检查`;
    errors[key] = errors[key] ? `${errors[key]}；${message}` : message;
  }
  return Object.keys(errors).length > 0 ? errors : { form: error.message };
}
