import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { generateSlots } = require('@linli/shared');

const parse = (value) => (typeof value === 'string' ? JSON.parse(value) : value);

/**
 * The baselines' slot generation: shared's pure generateSlots over an offering's rows as the database hands them
 * (JSON columns as text on SQLite and MariaDB, parsed objects on MySQL) — the same work the API does, without its cache.
 */
export function slotsFromRows({ offering, rules, exceptions, calendar, now }) {
  return generateSlots({
    weekly: rules.map((rule) => ({ weekday: rule.weekday, ranges: parse(rule.ranges), slotMinutes: rule.slot_minutes, seats: rule.seats })),
    exceptions: exceptions.map((e) =>
      e.kind === 'closed'
        ? { date: e.date, kind: 'closed', reason: e.reason }
        : { date: e.date, kind: 'open', ranges: parse(e.ranges), slotMinutes: e.slot_minutes, seats: e.seats, reason: e.reason },
    ),
    calendar: calendar.map((day) => ({ date: day.date, kind: day.kind, name: day.name, ...(day.works_as ? { worksAs: day.works_as } : {}) })),
    policy: { bookingWindowDays: offering.booking_window_days, minNoticeMinutes: offering.min_notice_minutes, cancelCutoffMinutes: offering.cancel_cutoff_minutes },
    now,
  });
}
