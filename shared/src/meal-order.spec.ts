import { MEAL_FULFILMENTS, type MealFulfilment } from './meal-menu';
import {
  MEAL_ORDER_ACTORS,
  MEAL_ORDER_EVENTS,
  MEAL_ORDER_STATUSES,
  availableMealOrderEvents,
  beforeMealCutOff,
  mealCutOffAt,
  mealOrderEventNeedsReason,
  transitionMealOrder,
  type MealOrderActor,
  type MealOrderEvent,
  type MealOrderStatus,
} from './meal-order';

type FulfilmentSet = 'all' | 'served' | 'delivery';
type CutOffSet = 'before' | 'after' | 'any';

const FULFILMENT_SETS: Record<FulfilmentSet, readonly MealFulfilment[]> = { all: MEAL_FULFILMENTS, served: ['dine_in', 'pickup'], delivery: ['delivery'] };
const CUT_OFF_SETS: Record<CutOffSet, readonly boolean[]> = { before: [false], after: [true], any: [false, true] };

/**
 * The whole diagram, written out once more by hand: [from statuses, event, actors, fulfilments, cut-off, to]
 * (`to` null: the status stays). Every combination it covers must succeed, every other one must be refused.
 */
const ALLOWED: [MealOrderStatus[], MealOrderEvent, MealOrderActor[], FulfilmentSet, CutOffSet, MealOrderStatus | null][] = [
  [['placed'], 'pay', ['system'], 'all', 'any', 'paid'],
  [['placed', 'paid'], 'change', ['resident', 'staff'], 'all', 'before', null],
  [['placed', 'paid'], 'cancel', ['resident'], 'all', 'before', 'cancelled'],
  [['placed', 'paid'], 'cancel', ['staff', 'canteen', 'system'], 'all', 'any', 'cancelled'],
  [['ready'], 'cancel', ['staff'], 'all', 'any', 'cancelled'],
  [['placed', 'paid'], 'mark_ready', ['canteen'], 'all', 'after', 'ready'],
  [['ready'], 'collect', ['canteen', 'staff'], 'served', 'any', 'collected'],
  [['ready'], 'set_out', ['worker'], 'delivery', 'any', 'out_for_delivery'],
  [['out_for_delivery', 'not_at_home'], 'deliver', ['worker', 'staff'], 'delivery', 'any', 'delivered'],
  [['out_for_delivery'], 'report_not_at_home', ['worker'], 'delivery', 'any', 'not_at_home'],
  [['cancelled', 'not_at_home'], 'refund', ['staff', 'system'], 'all', 'any', 'refunded'],
];

const EXPANDED = ALLOWED.flatMap(([statuses, event, actors, fulfilments, cutOff, to]) =>
  statuses.flatMap((from) =>
    actors.flatMap((actor) =>
      FULFILMENT_SETS[fulfilments].flatMap((fulfilment) => CUT_OFF_SETS[cutOff].map((pastCutOff) => ({ from, event, actor, fulfilment, pastCutOff, to: to ?? from }))),
    ),
  ),
);

const BEFORE = (fulfilment: MealFulfilment = 'pickup') => ({ fulfilment, pastCutOff: false });
const AFTER = (fulfilment: MealFulfilment = 'pickup') => ({ fulfilment, pastCutOff: true });

describe('meal-order state machine', () => {
  it.each(
    EXPANDED.map(
      (entry) => [`${entry.from} --${entry.event} by ${entry.actor} (${entry.fulfilment}, ${entry.pastCutOff ? 'after' : 'before'} cut-off)--> ${entry.to}`, entry] as const,
    ),
  )('%s', (_name, { from, event, actor, fulfilment, pastCutOff, to }) => {
    expect(transitionMealOrder(from, event, actor, { fulfilment, pastCutOff })).toEqual({ ok: true, to });
  });

  it('refuses every other (status, event, actor, fulfilment, cut-off) combination: all of them, exhaustively', () => {
    const allowed = new Set(EXPANDED.map((entry) => `${entry.from}:${entry.event}:${entry.actor}:${entry.fulfilment}:${entry.pastCutOff}`));
    let refused = 0;
    for (const from of MEAL_ORDER_STATUSES)
      for (const event of MEAL_ORDER_EVENTS)
        for (const actor of MEAL_ORDER_ACTORS)
          for (const fulfilment of MEAL_FULFILMENTS)
            for (const pastCutOff of [false, true]) {
              if (allowed.has(`${from}:${event}:${actor}:${fulfilment}:${pastCutOff}`)) continue;
              expect(transitionMealOrder(from, event, actor, { fulfilment, pastCutOff }).ok).toBe(false);
              refused++;
            }
    expect(refused).toBe(MEAL_ORDER_STATUSES.length * MEAL_ORDER_EVENTS.length * MEAL_ORDER_ACTORS.length * MEAL_FULFILMENTS.length * 2 - EXPANDED.length);
  });

  it('says why a step is refused', () => {
    expect(transitionMealOrder('paid', 'cancel', 'resident', AFTER())).toEqual({ ok: false, reason: 'past_cut_off' });
    expect(transitionMealOrder('placed', 'change', 'staff', AFTER())).toEqual({ ok: false, reason: 'past_cut_off' });
    expect(transitionMealOrder('paid', 'mark_ready', 'canteen', BEFORE())).toEqual({ ok: false, reason: 'before_cut_off' });
    expect(transitionMealOrder('ready', 'collect', 'canteen', AFTER('delivery'))).toEqual({ ok: false, reason: 'wrong_fulfilment' });
    expect(transitionMealOrder('ready', 'set_out', 'worker', AFTER('dine_in'))).toEqual({ ok: false, reason: 'wrong_fulfilment' });
    expect(transitionMealOrder('ready', 'collect', 'resident', AFTER())).toEqual({ ok: false, reason: 'actor_not_allowed' });
    expect(transitionMealOrder('ready', 'cancel', 'resident', AFTER())).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(transitionMealOrder('collected', 'collect', 'canteen', AFTER())).toEqual({ ok: false, reason: 'invalid_transition' });
  });

  it('lists the buttons each actor gets', () => {
    expect(availableMealOrderEvents('placed', 'resident', BEFORE())).toEqual(['change', 'cancel']);
    expect(availableMealOrderEvents('placed', 'resident', AFTER())).toEqual([]);
    expect(availableMealOrderEvents('paid', 'canteen', BEFORE())).toEqual(['cancel']);
    expect(availableMealOrderEvents('paid', 'canteen', AFTER())).toEqual(['cancel', 'mark_ready']);
    expect(availableMealOrderEvents('ready', 'canteen', AFTER('pickup'))).toEqual(['collect']);
    expect(availableMealOrderEvents('ready', 'worker', AFTER('delivery'))).toEqual(['set_out']);
    expect(availableMealOrderEvents('out_for_delivery', 'worker', AFTER('delivery'))).toEqual(['deliver', 'report_not_at_home']);
    expect(availableMealOrderEvents('not_at_home', 'staff', AFTER('delivery'))).toEqual(['deliver', 'refund']);
  });

  it('has no way out of collected, delivered and refunded', () => {
    for (const status of ['collected', 'delivered', 'refunded'] as const)
      for (const actor of MEAL_ORDER_ACTORS) for (const fulfilment of MEAL_FULFILMENTS) expect(availableMealOrderEvents(status, actor, AFTER(fulfilment))).toEqual([]);
  });

  it('asks a reason for every cancel but the resident’s own, and for every refund', () => {
    expect(mealOrderEventNeedsReason('cancel', 'resident')).toBe(false);
    expect(mealOrderEventNeedsReason('cancel', 'canteen')).toBe(true);
    expect(mealOrderEventNeedsReason('cancel', 'system')).toBe(true);
    expect(mealOrderEventNeedsReason('refund', 'staff')).toBe(true);
    expect(mealOrderEventNeedsReason('deliver', 'worker')).toBe(false);
  });
});

describe('meal cut-off on the Shanghai clock', () => {
  const utc = (iso: string) => new Date(iso);

  it('puts a 09:30 lunch cut-off at 01:30 UTC of the meal date', () => {
    expect(mealCutOffAt('2026-12-15', '09:30').toISOString()).toBe('2026-12-15T01:30:00.000Z');
  });

  it.each([
    ['a minute before', '2026-12-15T01:29:00Z', true],
    ['the last millisecond', '2026-12-15T01:29:59.999Z', true],
    ['the cut-off minute itself', '2026-12-15T01:30:00Z', false],
    ['after it', '2026-12-15T03:00:00Z', false],
    // 17:00 UTC on the 14th is already 01:00 on the 15th in Shanghai: still the morning of the meal day, still open.
    ['early on the meal day, when UTC still says the day before', '2026-12-14T17:00:00Z', true],
  ])('lunch on 15 December, cut-off 09:30: %s', (_when, now, open) => {
    expect(beforeMealCutOff('2026-12-15', '09:30', utc(now))).toBe(open);
  });

  it('closes a dinner at 14:00 Shanghai, 06:00 UTC', () => {
    expect(beforeMealCutOff('2026-12-15', '14:00', utc('2026-12-15T05:59:59Z'))).toBe(true);
    expect(beforeMealCutOff('2026-12-15', '14:00', utc('2026-12-15T06:00:00Z'))).toBe(false);
  });

  it('closes a breakfast the evening before, across a year end', () => {
    expect(mealCutOffAt('2027-01-01', '18:00', 1).toISOString()).toBe('2026-12-31T10:00:00.000Z');
    expect(beforeMealCutOff('2027-01-01', '18:00', utc('2026-12-31T09:59:00Z'), 1)).toBe(true);
    expect(beforeMealCutOff('2027-01-01', '18:00', utc('2026-12-31T10:00:00Z'), 1)).toBe(false);
  });

  it('refuses a malformed cut-off', () => {
    expect(() => mealCutOffAt('2026-12-15', '9:30')).toThrow(RangeError);
    expect(() => mealCutOffAt('2026-02-30', '09:30')).toThrow(RangeError);
  });
});
