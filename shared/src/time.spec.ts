import { addDays, instantOf, isoWeekdayOf, shanghaiDateOf, shanghaiTimeOf } from './time';

const utc = (iso: string) => new Date(iso);

describe('Shanghai time on a UTC server', () => {
  it('reads the Shanghai date, not the UTC one, just after UTC afternoon', () => {
    expect(shanghaiDateOf(utc('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
    expect(shanghaiTimeOf(utc('2026-11-26T17:00:00Z'))).toBe('01:00');
  });

  it('keeps the same date just before Shanghai midnight', () => {
    expect(shanghaiDateOf(utc('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(shanghaiTimeOf(utc('2026-11-26T15:59:59Z'))).toBe('23:59');
    expect(shanghaiDateOf(utc('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
  });

  it('turns Shanghai wall time into the UTC instant (fixed +8 h)', () => {
    expect(instantOf('2026-11-27', '09:00').toISOString()).toBe('2026-11-27T01:00:00.000Z');
    expect(instantOf('2026-11-27', '07:30').toISOString()).toBe('2026-11-26T23:30:00.000Z');
    expect(instantOf('2026-07-01', '12:00').toISOString()).toBe('2026-07-01T04:00:00.000Z'); // no summer time
  });

  it('round-trips an instant through date and time', () => {
    const instant = utc('2026-12-31T20:15:00Z');
    expect(instantOf(shanghaiDateOf(instant), shanghaiTimeOf(instant))).toEqual(instant);
  });

  it.each([
    ['2026-02-30', '09:00'],
    ['2026-11-27', '24:00'],
    ['2026-11-27', '9:00'],
    ['27/11/2026', '09:00'],
  ])('rejects malformed %s %s', (date, time) => expect(() => instantOf(date, time)).toThrow(RangeError));
});

describe('calendar dates', () => {
  it.each([
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-26', 0, '2026-11-26'],
  ])('%s plus %i day(s) is %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it('numbers weekdays the ISO way', () => {
    expect(isoWeekdayOf('2026-11-30')).toBe(1);
    expect(isoWeekdayOf('2026-11-26')).toBe(4);
    expect(isoWeekdayOf('2026-11-28')).toBe(6);
    expect(isoWeekdayOf('2026-11-29')).toBe(7);
  });
});
