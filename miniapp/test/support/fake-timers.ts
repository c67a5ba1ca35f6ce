/**
 * Jest's fake timers, faking only what a test moves by hand. Everything else — the fixture server's sockets, the
 * request layer's timeouts — keeps real timers, so a test waits for real answers while it controls the clock or the polls.
 */
const FAKEABLE = [
  'Date',
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
] as const;
type Fakeable = (typeof FAKEABLE)[number];

function fakeOnly(faked: readonly Fakeable[], now?: Date): void {
  jest.useFakeTimers({ doNotFake: FAKEABLE.filter((name) => !faked.includes(name)), ...(now ? { now } : {}) });
}

/** Only the clock: `Date` reads `now` (and moves with jest.setSystemTime / advanceTimersByTime). */
export function fakeClockOnly(now?: Date): void {
  fakeOnly(['Date'], now);
}

/** Only intervals (the polls): `jest.advanceTimersByTime` fires them; the clock and timeouts are real. */
export function fakeIntervalsOnly(): void {
  fakeOnly(['setInterval', 'clearInterval']);
}
