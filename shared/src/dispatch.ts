import { distanceMeters, type GeoPoint } from './regions';
import type { TimeRange } from './schedule';
import { addDays, instantOf, isoWeekdayOf, shanghaiDateOf, shanghaiTimeOf, type IsoWeekday } from './time';

/**
 * The home-service order state machine, shared so every screen offers only the actions the API will accept.
 *
 *   pending_dispatch ──offer──▶ offered ──accept──▶ accepted ──set_out──▶ en_route ──start──▶ in_service
 *     ▲   │  ▲    │ grab           │ reject / expire                                               │ complete
 *     │   │  │    └──────────────▶ │ (back to pending_dispatch, next candidate)                    ▼
 *     │   │  └─────────────────────┘                                   confirmed ◀──confirm── completed
 *     │   │ escalate (no candidate, too many refusals, pool unclaimed)      │ ▲                   │ dispute
 *     │   ▼                                                                 │ └──resolve── disputed ◀┘
 *     │ escalated ──assign (staff)──▶ accepted                              └──dispute──▶ disputed
 *     └──requeue (staff)──┘
 *
 * `cancel`: the resident (or their household proxy) before the worker sets out; staff at any time before
 * `completed`, always with a reason. `confirm` is the resident's, or the system's after the auto-confirm delay.
 */
/**
 * What an order is for: a visit to one home (上门服务), or a run of elder-meal deliveries (助餐配送: one worker, one
 * box, the stops of one community, see meal-delivery.ts). A run has no single person and no centre's offering; its
 * stops and their elders are the meals module's.
 */
export const SERVICE_ORDER_KINDS = ['home_service', 'meal_delivery'] as const;
export type ServiceOrderKind = (typeof SERVICE_ORDER_KINDS)[number];

export const SERVICE_ORDER_KIND_LABELS: Record<ServiceOrderKind, string> = { home_service: '上门服务', meal_delivery: '助餐配送' };

export const ORDER_STATUSES = ['pending_dispatch', 'offered', 'accepted', 'en_route', 'in_service', 'completed', 'confirmed', 'cancelled', 'escalated', 'disputed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_EVENTS = [
  'offer',
  'accept',
  'reject',
  'expire',
  'grab',
  'escalate',
  'assign',
  'requeue',
  'set_out',
  'start',
  'complete',
  'confirm',
  'cancel',
  'dispute',
  'resolve',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/** Who causes an event: the resident (or household proxy), the assigned worker, staff of the order's region, or the dispatcher itself. */
export type OrderActor = 'resident' | 'worker' | 'staff' | 'system';

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_dispatch: '等待派单',
  offered: '等待接单',
  accepted: '已接单',
  en_route: '服务人员已出发',
  in_service: '服务中',
  completed: '服务完成待确认',
  confirmed: '已完成',
  cancelled: '已取消',
  escalated: '社区人工派单中',
  disputed: '投诉处理中',
};

export const ORDER_EVENT_LABELS: Record<OrderEvent, string> = {
  offer: '派单给服务人员',
  accept: '服务人员接单',
  reject: '服务人员拒单',
  expire: '服务人员超时未接单',
  grab: '服务人员抢单',
  escalate: '转社区人工派单',
  assign: '社区指派服务人员',
  requeue: '重新派单',
  set_out: '服务人员出发',
  start: '开始服务',
  complete: '服务完成',
  confirm: '确认完成',
  cancel: '取消订单',
  dispute: '居民投诉',
  resolve: '投诉已处理',
};

/** Statuses in which the order is not finished: the worker (if any) carries it in their load. */
export const ORDER_OPEN_STATUSES: readonly OrderStatus[] = ['pending_dispatch', 'offered', 'accepted', 'en_route', 'in_service', 'escalated'];
/** Statuses in which a worker holds the order (counts toward their cap on unfinished orders). */
export const ORDER_WORKER_HELD_STATUSES: readonly OrderStatus[] = ['accepted', 'en_route', 'in_service'];

interface TransitionRule {
  from: readonly OrderStatus[];
  to: OrderStatus;
  actors: readonly OrderActor[];
}

const TRANSITIONS: Record<OrderEvent, TransitionRule> = {
  offer: { from: ['pending_dispatch'], to: 'offered', actors: ['system'] },
  accept: { from: ['offered'], to: 'accepted', actors: ['worker'] },
  reject: { from: ['offered'], to: 'pending_dispatch', actors: ['worker'] },
  expire: { from: ['offered'], to: 'pending_dispatch', actors: ['system'] },
  grab: { from: ['pending_dispatch'], to: 'accepted', actors: ['worker'] },
  escalate: { from: ['pending_dispatch', 'offered'], to: 'escalated', actors: ['system'] },
  assign: { from: ['pending_dispatch', 'offered', 'escalated', 'accepted'], to: 'accepted', actors: ['staff'] },
  requeue: { from: ['escalated'], to: 'pending_dispatch', actors: ['staff'] },
  set_out: { from: ['accepted'], to: 'en_route', actors: ['worker'] },
  start: { from: ['en_route'], to: 'in_service', actors: ['worker'] },
  complete: { from: ['in_service'], to: 'completed', actors: ['worker'] },
  confirm: { from: ['completed'], to: 'confirmed', actors: ['resident', 'system'] },
  cancel: { from: ['pending_dispatch', 'offered', 'accepted', 'escalated', 'en_route', 'in_service'], to: 'cancelled', actors: ['resident', 'staff'] },
  dispute: { from: ['completed', 'confirmed'], to: 'disputed', actors: ['resident'] },
  resolve: { from: ['disputed'], to: 'confirmed', actors: ['staff'] },
};

/** A resident may cancel only before the worker sets out; staff may cancel any unfinished order. */
const RESIDENT_CANCELLABLE: readonly OrderStatus[] = ['pending_dispatch', 'offered', 'accepted', 'escalated'];

/** Events that need a reason from the person causing them (kept in the timeline). */
export const ORDER_EVENTS_NEEDING_REASON: readonly OrderEvent[] = ['reject', 'assign', 'cancel', 'dispute', 'resolve', 'requeue'];

export type OrderTransitionResult = { ok: true; to: OrderStatus } | { ok: false; reason: 'invalid_transition' | 'actor_not_allowed' };

/** The status an event leads to, or why it may not happen. */
export function transitionOrder(from: OrderStatus, event: OrderEvent, actor: OrderActor): OrderTransitionResult {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(from)) return { ok: false, reason: 'invalid_transition' };
  if (!rule.actors.includes(actor)) return { ok: false, reason: 'actor_not_allowed' };
  if (event === 'cancel' && actor === 'resident' && !RESIDENT_CANCELLABLE.includes(from)) return { ok: false, reason: 'invalid_transition' };
  return { ok: true, to: rule.to };
}

/** Events an actor may cause from a status (to show only the buttons that will work). */
export function availableOrderEvents(from: OrderStatus, actor: OrderActor): OrderEvent[] {
  return ORDER_EVENTS.filter((event) => transitionOrder(from, event, actor).ok);
}

/** Statuses before the work starts, split by whether a worker already holds the order. */
const UNASSIGNED_STATUSES: readonly OrderStatus[] = ['pending_dispatch', 'offered', 'escalated'];
const ASSIGNED_NOT_STARTED: readonly OrderStatus[] = ['accepted', 'en_route'];

/**
 * The SLA rule behind staff warnings: an order is overdue when its window has begun and still nobody holds it, or
 * its window has ended and the work has not started.
 */
export function isOrderOverdue(status: OrderStatus, windowStartsAt: Date, windowEndsAt: Date, now: Date): boolean {
  if (UNASSIGNED_STATUSES.includes(status)) return now >= windowStartsAt;
  if (ASSIGNED_NOT_STARTED.includes(status)) return now >= windowEndsAt;
  return false;
}

// ─── Setting out and calling ───────────────────────────────────────────────────────────────────────────────────

/** A home-visit window must start at least this long after it is asked for: someone has to be found and travel there. */
export const HOME_VISIT_NOTICE_MINUTES = 60;

/** Default of DISPATCH_SET_OUT_LEAD_MINUTES: how long before the window a worker may tap 出发. */
export const DEFAULT_SET_OUT_LEAD_MINUTES = 120;

/**
 * When a worker may set out for a window: on the service day (Asia/Shanghai) and no earlier than `leadMinutes`
 * before the window starts. Setting out a day early would tell the resident "正在赶来" for tomorrow's visit.
 */
export function setOutOpensAt(windowStartsAt: Date, leadMinutes: number): Date {
  const serviceDayStarts = instantOf(shanghaiDateOf(windowStartsAt), '00:00');
  return new Date(Math.max(serviceDayStarts.getTime(), windowStartsAt.getTime() - leadMinutes * 60_000));
}

export type SetOutState = { allowed: true } | { allowed: false; opensAt: Date; notice: string };

/**
 * Whether 出发 may be tapped now, and if not, when it may (the sentence the workbench shows instead of the button
 * and the API's 409 SET_OUT_TOO_EARLY says). Late is always allowed: an overdue visit must still be made.
 */
export function setOutState(windowStartsAt: Date, leadMinutes: number, now: Date): SetOutState {
  const opensAt = setOutOpensAt(windowStartsAt, leadMinutes);
  if (now >= opensAt) return { allowed: true };
  return { allowed: false, opensAt, notice: `服务当天 ${shanghaiTimeOf(opensAt)} 后可出发` };
}

/** After the work is done, the two sides can still reach each other by phone this long (until confirmed). */
export const PHONE_CALL_HOURS_AFTER_COMPLETION = 24;

/**
 * Whether the resident and the worker of an order may get each other's number: while the worker holds the order,
 * and after completion until the resident confirms, for at most PHONE_CALL_HOURS_AFTER_COMPLETION hours (a
 * forgotten key, a question about the work). Before a worker accepts and after the order ends, nobody may.
 */
export function phoneCallOpen(status: OrderStatus, completedAt: Date | null, now: Date): boolean {
  if (ORDER_WORKER_HELD_STATUSES.includes(status)) return true;
  return status === 'completed' && completedAt !== null && now.getTime() < completedAt.getTime() + PHONE_CALL_HOURS_AFTER_COMPLETION * 3600_000;
}

// ─── Dispatch modes, working hours and ranking ─────────────────────────────────────────────────────────────────

/** `assign`: the dispatcher offers the order to the best candidate; `grab`: eligible workers see it in a pool. */
export const DISPATCH_MODES = ['assign', 'grab'] as const;
export type DispatchMode = (typeof DISPATCH_MODES)[number];

/** A worker's hours on one weekday (Asia/Shanghai). */
export interface WorkingDay {
  weekday: IsoWeekday;
  ranges: TimeRange[];
}

/** The least time a home visit takes: a worker is available for a window when their hours overlap it this long. */
export const MIN_VISIT_MINUTES = 60;

/**
 * Whether a worker's weekly hours cover an order's window: they overlap it for at least MIN_VISIT_MINUTES in one go
 * (or the whole window when it is shorter). A resident's window is "any time between 9 and 12", not "9 to 12 without
 * pause", so a worker who starts at 10 can still take a 9–12 window. Ranges that touch are one stretch, across
 * midnight too: a range ending at 24:00 runs to the end of its day, and so does one ending at 23:59 (the staff forms
 * cannot say 24:00, so that is how they write "until midnight").
 */
export function workingHoursCover(hours: WorkingDay[], windowStartsAt: Date, windowEndsAt: Date): boolean {
  const windowMs = windowEndsAt.getTime() - windowStartsAt.getTime();
  if (windowMs <= 0) return false;
  const needMs = Math.min(windowMs, MIN_VISIT_MINUTES * 60_000);
  let longestMs = 0;
  for (const stretch of workingStretches(hours, windowStartsAt, windowEndsAt)) {
    const overlapMs = Math.min(stretch.to, windowEndsAt.getTime()) - Math.max(stretch.from, windowStartsAt.getTime());
    longestMs = Math.max(longestMs, overlapMs);
  }
  return longestMs >= needMs;
}

/** The worker's hours on each Shanghai date the window touches, as instants, touching ranges joined, in order. */
function workingStretches(hours: WorkingDay[], windowStartsAt: Date, windowEndsAt: Date): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  const firstDate = shanghaiDateOf(windowStartsAt);
  const lastDate = shanghaiDateOf(new Date(windowEndsAt.getTime() - 1));
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    const weekday = isoWeekdayOf(date);
    for (const day of hours.filter((entry) => entry.weekday === weekday)) {
      for (const range of day.ranges) {
        const to = UNTIL_MIDNIGHT.has(range.end) ? instantOf(addDays(date, 1), '00:00') : instantOf(date, range.end);
        ranges.push({ from: instantOf(date, range.start).getTime(), to: to.getTime() });
      }
    }
  }
  ranges.sort((a, b) => a.from - b.from);
  const stretches: { from: number; to: number }[] = [];
  for (const range of ranges) {
    const last = stretches.at(-1);
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else stretches.push({ ...range });
  }
  return stretches;
}

/** Ends that mean "until midnight": 24:00 itself, and the latest time the staff forms can say. */
const UNTIL_MIDNIGHT = new Set(['24:00', '23:59']);

/** What the ranking needs to know about one eligible worker. */
export interface DispatchCandidate {
  workerId: string;
  /** Last known position (GCJ-02); null when the worker never shared one. */
  position: GeoPoint | null;
  /** Orders the worker holds now (accepted, en route, in service). */
  openOrders: number;
  maxOpenOrders: number;
  ratingSum: number;
  ratingCount: number;
  /** When the worker was last offered any order; null when never. */
  lastOfferedAt: Date | null;
}

export interface RankedCandidate extends DispatchCandidate {
  distanceMeters: number | null;
  score: number;
}

/**
 * Ranking weights (they sum to 1). Distance matters most (elders wait less, workers travel less); then load (spread
 * work before piling it on one person); then rating; then fairness (who has waited longest for an offer).
 */
export const RANKING_WEIGHTS = { distance: 0.4, load: 0.25, rating: 0.2, fairness: 0.15 } as const;
/** Beyond this a worker is "far" and distance adds nothing more to tell workers apart. */
export const FAR_METERS = 10_000;
/** Fairness saturates after an hour without an offer. */
export const FAIRNESS_SATURATION_MINUTES = 60;
/** A new worker's rating starts from this prior, worth this many ratings, so one 5-star review doesn't top the list. */
export const RATING_PRIOR = { average: 4, weight: 3 } as const;

/** The smoothed average rating (1..5) used for ranking and shown to staff. */
export function smoothedRating(ratingSum: number, ratingCount: number): number {
  return (RATING_PRIOR.average * RATING_PRIOR.weight + ratingSum) / (RATING_PRIOR.weight + ratingCount);
}

/**
 * Ranks eligible workers for an order placed at `place`, best first. Each factor is scaled to 0..1 (1 is best) and
 * weighted by RANKING_WEIGHTS; ties go to the worker offered least recently, then to the lower id so the order is
 * deterministic. A worker with no known position scores as if FAR_METERS away.
 */
export function rankCandidates(candidates: DispatchCandidate[], place: GeoPoint | null, now: Date): RankedCandidate[] {
  const ranked = candidates.map((candidate): RankedCandidate => {
    const distance = candidate.position && place ? distanceMeters(candidate.position, place) : null;
    const distanceScore = distance === null ? 0 : 1 - Math.min(distance, FAR_METERS) / FAR_METERS;
    const loadScore = candidate.maxOpenOrders > 0 ? 1 - Math.min(candidate.openOrders, candidate.maxOpenOrders) / candidate.maxOpenOrders : 0;
    const ratingScore = (smoothedRating(candidate.ratingSum, candidate.ratingCount) - 1) / 4;
    const waitedMinutes = candidate.lastOfferedAt ? (now.getTime() - candidate.lastOfferedAt.getTime()) / 60_000 : FAIRNESS_SATURATION_MINUTES;
    const fairnessScore = Math.max(0, Math.min(waitedMinutes, FAIRNESS_SATURATION_MINUTES)) / FAIRNESS_SATURATION_MINUTES;
    const score = RANKING_WEIGHTS.distance * distanceScore + RANKING_WEIGHTS.load * loadScore + RANKING_WEIGHTS.rating * ratingScore + RANKING_WEIGHTS.fairness * fairnessScore;
    return { ...candidate, distanceMeters: distance, score: Math.round(score * 1e6) / 1e6 };
  });
  return ranked.sort((a, b) => b.score - a.score || offeredAt(a) - offeredAt(b) || a.workerId.localeCompare(b.workerId));
}

function offeredAt(candidate: DispatchCandidate): number {
  return candidate.lastOfferedAt ? candidate.lastOfferedAt.getTime() : 0;
}

/** Validation problems of a worker's weekly hours (empty when fine). */
export function validateWorkingHours(hours: WorkingDay[]): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const day of hours) {
    if (!(Number.isInteger(day.weekday) && day.weekday >= 1 && day.weekday <= 7)) problems.push(`weekday ${day.weekday}: must be 1..7`);
    if (seen.has(day.weekday)) problems.push(`weekday ${day.weekday}: more than one entry (use several ranges instead)`);
    seen.add(day.weekday);
    const sorted = [...day.ranges].sort((a, b) => a.start.localeCompare(b.start));
    sorted.forEach((range, index) => {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(range.start) || !/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(range.end)) problems.push(`weekday ${day.weekday}: times must be HH:mm`);
      else if (range.end <= range.start) problems.push(`weekday ${day.weekday}: ${range.start}-${range.end} ends before it starts`);
      if (index > 0 && range.start < sorted[index - 1].end) problems.push(`weekday ${day.weekday}: ranges overlap`);
    });
  }
  return problems;
}

// ─── Views shared by the API and the mini program ─────────────────────────────────────────────────────────────

export interface OrderTimelineEntry {
  event: OrderEvent;
  label: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  actor: OrderActor;
  /** Display name of who did it (a worker's or staff member's name; 系统 for the dispatcher). */
  actorName: string;
  reason: string | null;
  at: string;
}

export interface OrderWorkerSummary {
  id: string;
  name: string;
  providerName: string;
  /** Masked (138****0001); the resident of a live order gets the full number on demand (POST /home-orders/:id/call). */
  phoneMasked: string;
}

/** A number revealed on demand to call the other side of an order (audited; see phoneCallOpen). */
export interface OrderPhoneView {
  phone: string;
}

/** Photos of the finished work: at most this many per order, each at most MAX_PHOTO_BYTES, JPEG or PNG. */
export const MAX_PHOTOS_PER_ORDER = 6;
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export interface OrderPhotoView {
  id: string;
  /** Path under the API base (…/api) that serves the image for a few minutes without a token (for `<Image>`). */
  path: string;
}

export interface OrderRatingView {
  score: number;
  comment: string | null;
  createdAt: string;
}

/** What a resident (or staff acting for one) sends to ask for a home visit: window times are ISO instants; the
 * position is GCJ-02, both coordinates or neither (then the centre's). */
export interface HomeOrderInput {
  centreId: string;
  serviceId: string;
  residentId: string;
  address: string;
  windowStartsAt: string;
  windowEndsAt: string;
  description: string;
  latitude?: number;
  longitude?: number;
}

/**
 * A dispatch order with its place, current worker, timeline and what the viewer may do next. A meal-delivery run
 * (`kind` meal_delivery) has no service, centre or person: its description names the meal and the stops.
 */
export interface ServiceOrderView {
  id: string;
  kind: ServiceOrderKind;
  status: OrderStatus;
  statusLabel: string;
  dispatchMode: DispatchMode;
  service: { id: string; name: string } | null;
  centre: { id: string; name: string } | null;
  person: { id: string; name: string } | null;
  address: string;
  /** Where the work is (GCJ-02), for the worker's navigation; the centre's position when the resident gave none. */
  location: GeoPoint;
  windowStartsAt: string;
  windowEndsAt: string;
  description: string;
  worker: OrderWorkerSummary | null;
  rating: OrderRatingView | null;
  /** Warning raised when the order was not started within its window. */
  overdue: boolean;
  completionNote: string | null;
  /** When the worker marked the work done; null before. */
  completedAt: string | null;
  photos: OrderPhotoView[];
  createdAt: string;
  updatedAt: string;
}

/** The name an order goes by on a card: its service, or 助餐配送 for a meal-delivery run. */
export function serviceOrderTitle(order: Pick<ServiceOrderView, 'kind' | 'service'>): string {
  return order.service?.name ?? SERVICE_ORDER_KIND_LABELS[order.kind];
}

export interface ServiceOrderDetail extends ServiceOrderView {
  timeline: OrderTimelineEntry[];
}

/** The offer a worker sees: the order and how long they have to answer. */
export interface DispatchOfferView {
  id: string;
  expiresAt: string;
  /** Seconds left to answer, by the server's clock (count down from this, not from the phone's clock). */
  secondsLeft: number;
  order: ServiceOrderView;
  distanceMeters: number | null;
}

export interface WorkerProfileView {
  id: string;
  name: string;
  providerId: string;
  providerName: string;
  online: boolean;
  skills: { id: string; name: string }[];
  areas: { id: string; name: string }[];
  workingHours: WorkingDay[];
  maxOpenOrders: number;
  openOrders: number;
  ratingCount: number;
  /** Plain average of the ratings received; null before the first. */
  averageRating: number | null;
}

/** The worker's own profile on the workbench, with the rules of the deployment the workbench applies. */
export interface WorkbenchProfileView extends WorkerProfileView {
  /** DISPATCH_SET_OUT_LEAD_MINUTES: 出发 opens this long before a window, on the service day (setOutState). */
  setOutLeadMinutes: number;
}

/** The staff dispatch board of a region. */
export interface DispatchBoard {
  pending: ServiceOrderView[];
  offered: ServiceOrderView[];
  escalated: ServiceOrderView[];
  overdue: ServiceOrderView[];
  disputed: ServiceOrderView[];
}

export interface AssignableWorker {
  id: string;
  name: string;
  providerName: string;
  online: boolean;
  openOrders: number;
  maxOpenOrders: number;
  distanceMeters: number | null;
  averageRating: number | null;
  /** Why the automatic dispatcher would skip them (offline, outside hours, at capacity…); empty when eligible. */
  notes: string[];
}
