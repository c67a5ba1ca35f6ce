import { RepeatedJsonColumn } from './sql';

describe('RepeatedJsonColumn', () => {
  it('parses each distinct text once and hands out one frozen value for it', () => {
    const column = new RepeatedJsonColumn<{ weekly: Array<{ weekday: number }> }>(10);
    const text = '{"weekly":[{"weekday":1}]}';
    const first = column.read(text);
    expect(first).toEqual({ weekly: [{ weekday: 1 }] });
    expect(column.read(`${text}`)).toBe(first);
    expect(column.read('{"weekly":[]}')).not.toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.weekly) && Object.isFrozen(first.weekly[0])).toBe(true);
    expect(() => {
      first.weekly[0].weekday = 2;
    }).toThrow(TypeError);
  });

  it('passes on a value the driver already parsed', () => {
    const parsed = ['便民'];
    expect(new RepeatedJsonColumn<string[]>(10).read(parsed)).toBe(parsed);
  });

  it('keeps at most its capacity of texts, then starts afresh', () => {
    const column = new RepeatedJsonColumn<number[]>(2);
    const one = column.read('[1]');
    column.read('[2]');
    expect(column.read('[1]')).toBe(one);
    column.read('[3]'); // a third text: the memory starts afresh
    expect(column.read('[1]')).not.toBe(one);
    expect(column.read('[1]')).toEqual([1]);
  });
});
