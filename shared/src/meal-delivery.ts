import type { OrderStatus } from './dispatch';
import type { MealKind } from './meal-menu';
import type { MealOrderStatus } from './meal-order';
import { distanceMeters, type GeoPoint } from './regions';

/**
 * Delivery runs (送餐): after the cut-off a meal point's 送餐 orders of one meal are batched per area (the elder's
 * community) into runs a worker carries in one trip, the stops in a sensible order. Pure, so the API plans with it
 * and the canteen's screen can show the same plan.
 */

/** Meals one worker carries in one trip (an insulated box holds about a dozen). */
export const MAX_STOPS_PER_DELIVERY_RUN = 12;

/** Delivery orders still to be taken out: the kitchen has them, nobody has set out with them. */
export const MEAL_DELIVERY_PLANNED_STATUSES: readonly MealOrderStatus[] = ['placed', 'paid', 'ready'];

export interface DeliveryStopCandidate {
  orderId: string;
  /** The area the stop is batched in (the elder's community); null when the elder has none on file. */
  areaId: string | null;
  address: string;
  /** Where the door is (GCJ-02), when known. */
  position: GeoPoint | null;
}

export interface PlannedDeliveryRun<T extends DeliveryStopCandidate> {
  areaId: string | null;
  stops: T[];
  /** Metres from the meal point through the stops with a known position, in order (the way back not counted). */
  knownDistanceMeters: number;
}

/**
 * Runs of at most `maxStops` per area. Within an area the stops with a position go first, nearest neighbour from the
 * meal point (each next stop the nearest to the one before; equal distances to the lower order id), then those
 * without one by address in natural order (`3栋2单元` before `12栋`), so neighbours in one building follow each other.
 * A long area is cut along that order, so each run is a stretch of it. Runs are listed by their first stop's distance
 * from the meal point (unknown last), then area id (elders without a community last).
 */
export function planDeliveryRuns<T extends DeliveryStopCandidate>(start: GeoPoint, stops: readonly T[], maxStops = MAX_STOPS_PER_DELIVERY_RUN): PlannedDeliveryRun<T>[] {
  const areas = new Map<string | null, T[]>();
  for (const stop of stops) areas.set(stop.areaId, [...(areas.get(stop.areaId) ?? []), stop]);
  const runs: Array<PlannedDeliveryRun<T> & { firstLegMeters: number | null }> = [];
  for (const [areaId, areaStops] of areas) {
    const ordered = [...nearestNeighbourOrder(start, areaStops.filter(hasPosition)), ...areaStops.filter((stop) => !hasPosition(stop)).sort(byAddress)];
    for (let index = 0; index < ordered.length; index += maxStops) {
      const runStops = ordered.slice(index, index + maxStops);
      const first = runStops[0].position;
      runs.push({ areaId, stops: runStops, knownDistanceMeters: knownDistance(start, runStops), firstLegMeters: first ? distanceMeters(start, first) : null });
    }
  }
  return runs
    .sort(
      (a, b) =>
        (a.firstLegMeters ?? Infinity) - (b.firstLegMeters ?? Infinity) || Number(a.areaId === null) - Number(b.areaId === null) || compareText(a.areaId ?? '', b.areaId ?? ''),
    )
    .map(({ areaId, stops: runStops, knownDistanceMeters }) => ({ areaId, stops: runStops, knownDistanceMeters }));
}

function hasPosition<T extends DeliveryStopCandidate>(stop: T): stop is T & { position: GeoPoint } {
  return stop.position !== null;
}

function nearestNeighbourOrder<T extends DeliveryStopCandidate & { position: GeoPoint }>(start: GeoPoint, stops: readonly T[]): T[] {
  const left = [...stops].sort((a, b) => compareText(a.orderId, b.orderId));
  const ordered: T[] = [];
  let here = start;
  while (left.length > 0) {
    let best = 0;
    for (let index = 1; index < left.length; index += 1) {
      if (distanceMeters(here, left[index].position) < distanceMeters(here, left[best].position)) best = index;
    }
    const [next] = left.splice(best, 1);
    ordered.push(next);
    here = next.position;
  }
  return ordered;
}

function knownDistance(start: GeoPoint, stops: readonly DeliveryStopCandidate[]): number {
  let here = start;
  let total = 0;
  for (const stop of stops) {
    if (!stop.position) continue;
    total += distanceMeters(here, stop.position);
    here = stop.position;
  }
  return total;
}

/** Natural order of addresses: runs of digits compare as numbers, everything else by code point; then order id. */
function byAddress(a: DeliveryStopCandidate, b: DeliveryStopCandidate): number {
  const left = a.address.match(/\d+|\D+/g) ?? [];
  const right = b.address.match(/\d+|\D+/g) ?? [];
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const bothNumbers = /^\d/.test(left[index]) && /^\d/.test(right[index]);
    const difference = bothNumbers ? Number(left[index]) - Number(right[index]) : compareText(left[index], right[index]);
    if (difference !== 0) return difference;
  }
  return left.length - right.length || compareText(a.orderId, b.orderId);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether a home is within a meal point's delivery radius (straight-line metres, as `distanceMeters` measures). A
 * radius of 0 means the canteen set none: any home is delivered to.
 */
export function withinDeliveryRadius(mealPoint: GeoPoint, radiusMeters: number, home: GeoPoint): boolean {
  return radiusMeters === 0 || distanceMeters(mealPoint, home) <= radiusMeters;
}

// ─── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface MealDeliveryStopView {
  orderId: string;
  /** 1, 2, 3 … within the run. */
  sequence: number;
  residentId: string;
  elderName: string;
  /** The elder's address on file; null when there is none (call the family). */
  address: string | null;
  status: MealOrderStatus;
  /** What to hand over, e.g. `红烧鸡腿套餐 ×1`. */
  items: string[];
}

export interface MealDeliveryRunView {
  areaId: string | null;
  /** The community's name, or `未登记社区`. */
  areaName: string;
  stops: MealDeliveryStopView[];
  knownDistanceMeters: number;
}

export interface MealDeliveryPlan {
  mealPointId: string;
  mealDate: string;
  mealKind: MealKind;
  /** Whether the cut-off has passed: before it the orders (and so the runs) may still change. */
  fixed: boolean;
  /** The runs the meal's deliveries not yet committed would make. */
  runs: MealDeliveryRunView[];
  /** The runs already committed and handed to dispatch (empty until the commit). */
  committedRuns: CommittedMealDeliveryRun[];
}

// ─── Runs as dispatch orders ───────────────────────────────────────────────────────────────────────────────────

/** Stops the run is done with: handed over, nobody opened, or taken off the run (cancelled, refunded). */
export const MEAL_DELIVERY_SETTLED_STATUSES: readonly MealOrderStatus[] = ['delivered', 'not_at_home', 'cancelled', 'refunded'];

/** A committed run: its place in the meal's plan and the dispatch order a worker takes it as. */
export interface CommittedMealDeliveryRun {
  id: string;
  /** 1, 2, 3 … within the meal, in the plan's order. */
  runNumber: number;
  areaId: string | null;
  areaName: string;
  serviceOrderId: string;
  /** The stops it was given, including those handed on to a later run after it was cancelled. */
  stopCount: number;
  /** Its dispatch order was cancelled: the meals it had not handed over go on a later run (the next commit or sweep). */
  cancelled: boolean;
}

export interface MealDeliveryCommit {
  mealPointId: string;
  mealDate: string;
  mealKind: MealKind;
  /** False when no delivery was waiting for a run (all committed already, by an earlier commit, the sweep or another instance): nothing was written. */
  created: boolean;
  runs: CommittedMealDeliveryRun[];
}

/** What the worker at the door may do with a stop now (transitionMealOrder for the actor `worker`). */
export type MealDeliveryStopAction = 'deliver' | 'report_not_at_home';

/** A stop as the delivery worker sees it: where, who, what, the family's note, and the buttons that will work. */
export interface WorkerMealStopView {
  mealOrderId: string;
  sequence: number;
  elderName: string;
  /** The elder's address on file; null when there is none (call first). */
  address: string | null;
  /** Where the door is (GCJ-02), when the order was placed with a point on the map; null otherwise. */
  location: GeoPoint | null;
  /** Set when ordering (敲门大声, 放门口): for the worker at the door. */
  deliveryNote: string | null;
  status: MealOrderStatus;
  statusLabel: string;
  items: string[];
  actions: MealDeliveryStopAction[];
}

/** A run the worker holds: the dispatch order and its stops in order. */
export interface WorkerMealRunView {
  /** The dispatch order (service_order) of the run: set out with it, call through it. */
  orderId: string;
  orderStatus: OrderStatus;
  mealPointName: string;
  /** Where the run starts (the meal point). */
  address: string;
  mealDate: string;
  mealKind: MealKind;
  areaName: string;
  windowStartsAt: string;
  windowEndsAt: string;
  stops: WorkerMealStopView[];
}
