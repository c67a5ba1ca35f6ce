import { formatDateTime } from '../src/utils/datetime';

describe('formatDateTime', () => {
  const zone = process.env.TZ;
  // A phone abroad (or this test machine on UTC) must still read Shanghai times, as the slots and cut-offs beside them do.
  beforeAll(() => {
    process.env.TZ = 'Europe/London';
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it.each([
    ['2026-11-26T07:05:00Z', '2026年11月26日 15:05'],
    ['2026-11-26T17:00:00Z', '2026年11月27日 01:00'], // already the next day in Shanghai
    ['2026-12-31T16:30:00.000Z', '2027年1月1日 00:30'],
  ])('%s reads %s on the Shanghai clock', (iso, expected) => expect(formatDateTime(iso)).toBe(expected));

  it('answers null for a value that is not a time', () => expect(formatDateTime('soon')).toBeNull());
});
