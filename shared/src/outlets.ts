/**
 * Convenience outlets (便民网点) of the 一刻钟便民生活圈: what kinds there are, what residents and staff see of one,
 * and the searches and reports around them. Opening hours are in ./outlet-hours, the grid in ./geo-grid.
 */
import type { OutletHours } from './outlet-hours';

export const OUTLET_KINDS = [
  'canteen',
  'vegetable_shop',
  'market',
  'supermarket',
  'grocery',
  'breakfast',
  'hair_beauty',
  'repair',
  'recycling',
  'housekeeping',
  'post',
  'bank',
  'telecom',
  'utility_payment',
  'pharmacy',
  'health_station',
] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

export const OUTLET_KIND_LABELS: Record<OutletKind, string> = {
  canteen: '社区食堂',
  vegetable_shop: '菜店',
  market: '标准化菜市场',
  supermarket: '超市/便利店',
  grocery: '食杂店',
  breakfast: '早餐店',
  hair_beauty: '美容美发',
  repair: '维修',
  recycling: '再生资源回收点',
  housekeeping: '家政服务网点',
  post: '邮政',
  bank: '银行',
  telecom: '电信',
  utility_payment: '燃气/水/电缴费服务点',
  pharmacy: '药店',
  health_station: '社区卫生服务站',
};

/** A kind from its code or its Chinese label (CSV files name kinds the way staff say them). */
export function outletKindFrom(text: string): OutletKind | null {
  const trimmed = text.trim();
  if ((OUTLET_KINDS as readonly string[]).includes(trimmed)) return trimmed as OutletKind;
  return OUTLET_KINDS.find((kind) => OUTLET_KIND_LABELS[kind] === trimmed) ?? null;
}

/** 适老 features an outlet may offer. */
export const OUTLET_ELDER_FEATURES = ['accessible_entrance', 'senior_discount', 'home_delivery'] as const;
export type OutletElderFeature = (typeof OUTLET_ELDER_FEATURES)[number];
export const OUTLET_ELDER_FEATURE_LABELS: Record<OutletElderFeature, string> = {
  accessible_entrance: '无障碍通道',
  senior_discount: '老年优惠',
  home_delivery: '送货上门',
};

/** Where a directory entry comes from: entered by staff, or a canteen's meal point shown as a 社区食堂 (decision 0017). */
export type OutletSource = 'directory' | 'meal_point';

/** What staff enter for an outlet. Coordinates are GCJ-02. */
export interface OutletInput {
  name: string;
  kind: OutletKind;
  regionId: string;
  address: string;
  latitude: number;
  longitude: number;
  phone: string;
  hours: OutletHours;
  services: string[];
  /**
   * At most OUTLET_PHOTOS_MAX: https URLs, and photos uploaded for this outlet by the signed path a view gave
   * (`/outlet-photos/…`, under the API; kept by sending it back, removed by leaving it out).
   */
  photoUrls: string[];
  elderFeatures: OutletElderFeature[];
}

/** Photos an outlet may have, uploaded or linked. */
export const OUTLET_PHOTOS_MAX = 6;
/** An uploaded outlet photo: JPEG, PNG or WebP, at most this many bytes. */
export const MAX_OUTLET_PHOTO_BYTES = 2 * 1024 * 1024;

export interface OutletView extends OutletInput {
  id: string;
  source: OutletSource;
  regionName: string;
  /** Shanghai date staff last confirmed the details, or null when never. */
  verifiedOn: string | null;
}

export interface OutletSearchItem {
  id: string;
  source: OutletSource;
  name: string;
  kind: OutletKind;
  address: string;
  latitude: number;
  longitude: number;
  phone: string;
  services: string[];
  elderFeatures: OutletElderFeature[];
  distanceMeters: number;
  open: boolean;
  /** ISO UTC: when it closes (open) or opens next (closed); null beyond a week. */
  changesAt: string | null;
}

export interface OutletSearchPage {
  items: OutletSearchItem[];
  /** True when a further page may hold more (within the search radius). */
  more: boolean;
}

/** The farthest a search looks, in metres: beyond it an outlet is no longer "near me". */
export const OUTLET_SEARCH_MAX_METERS = 20_000;
export const OUTLET_PAGE_SIZE_MAX = 50;
/** Pages reach this many outlets at most (page × size). */
export const OUTLET_SEARCH_MAX_RESULTS = 200;

export const OUTLET_REPORT_REASONS = ['closed_for_good', 'wrong_hours', 'wrong_phone', 'wrong_address', 'other'] as const;
export type OutletReportReason = (typeof OUTLET_REPORT_REASONS)[number];
export const OUTLET_REPORT_REASON_LABELS: Record<OutletReportReason, string> = {
  closed_for_good: '已关门/不存在',
  wrong_hours: '营业时间不对',
  wrong_phone: '电话不对',
  wrong_address: '位置/地址不对',
  other: '其他',
};

export type OutletReportStatus = 'open' | 'resolved';

export interface OutletReportView {
  id: string;
  outletId: string;
  outletSource: OutletSource;
  outletName: string;
  reason: OutletReportReason;
  note: string;
  status: OutletReportStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

/** A CSV import went through whole (a file with a bad row is refused whole: OUTLET_IMPORT_INVALID). */
export interface OutletImportResult {
  imported: number;
}

/**
 * A community of the staff member's region an outlet can be placed in, with the position a new outlet starts from
 * (the middle of its citizen centres, else of its street's; null when neither has one).
 */
export interface OutletCommunity {
  id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

/** The walking radius the 一刻钟便民生活圈 coverage view assumes unless told otherwise. */
export const COVERAGE_RADIUS_METERS_DEFAULT = 1_000;

export interface CommunityCoverage {
  communityId: string;
  communityName: string;
  covered: OutletKind[];
  missing: OutletKind[];
}

/** Communities with the most kinds missing first; ties by name, so the list reads the same every time. */
export function rankByMissingKinds<T extends { missing: readonly unknown[]; communityName: string }>(communities: readonly T[]): T[] {
  return [...communities].sort((a, b) => b.missing.length - a.missing.length || a.communityName.localeCompare(b.communityName, 'zh'));
}
