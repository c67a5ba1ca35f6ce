import { act, renderHook } from '@testing-library/react';

import { useActions } from '../src/hooks/useActions';
import { ApiError } from '../src/services/api-error';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const conflict = new ApiError({ code: 'CONFLICT', message: '状态已经变了', status: 409 });

describe('useActions', () => {
  it('an unknown record is idle', () => {
    const { result } = renderHook(() => useActions());
    expect(result.current.of('booking-1')).toEqual({ status: 'idle' });
  });

  it('pending while the request is on its way, then idle, and done gets the answer', async () => {
    const { result } = renderHook(() => useActions());
    const answer = deferred<string>();
    const done = jest.fn();
    act(() => {
      expect(result.current.run('booking-1', () => answer.promise, { done })).toBe(true);
    });
    expect(result.current.of('booking-1')).toEqual({ status: 'pending' });
    expect(result.current.of('booking-2')).toEqual({ status: 'idle' });

    await act(async () => answer.resolve('saved'));
    expect(result.current.of('booking-1')).toEqual({ status: 'idle' });
    expect(done).toHaveBeenCalledWith('saved');
  });

  it('a second run for the same record while one is on its way sends nothing, even within one render', async () => {
    const { result } = renderHook(() => useActions());
    const answer = deferred<string>();
    const send = jest.fn(() => answer.promise);
    let second = true;
    act(() => {
      result.current.run('order-1', send);
      second = result.current.run('order-1', send);
    });
    expect(second).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);

    await act(async () => answer.resolve('ok'));
    act(() => {
      expect(result.current.run('order-1', () => new Promise(() => undefined))).toBe(true);
    });
  });

  it('other records run at the same time', () => {
    const { result } = renderHook(() => useActions());
    act(() => {
      result.current.run('a', () => new Promise(() => undefined));
      expect(result.current.run('b', () => new Promise(() => undefined))).toBe(true);
    });
    expect(result.current.of('a').status).toBe('pending');
    expect(result.current.of('b').status).toBe('pending');
  });

  it('an API error fails with the sentence messageOf gives, then failed runs; done does not', async () => {
    const { result } = renderHook(() => useActions());
    const done = jest.fn();
    const failed = jest.fn();
    await act(async () => {
      result.current.run('order-1', () => Promise.reject(conflict), { done, failed, messageOf: (error) => `不行：${error.code}` });
    });
    expect(result.current.of('order-1')).toEqual({ status: 'failed', message: '不行：CONFLICT' });
    expect(failed).toHaveBeenCalledWith(conflict);
    expect(done).not.toHaveBeenCalled();
  });

  it("without messageOf the error's own message is shown, and the record may be tried again", async () => {
    const { result } = renderHook(() => useActions());
    await act(async () => {
      result.current.run('member-1', () => Promise.reject(conflict));
    });
    expect(result.current.of('member-1')).toEqual({ status: 'failed', message: '状态已经变了' });
    act(() => {
      expect(result.current.run('member-1', () => new Promise(() => undefined))).toBe(true);
    });
    expect(result.current.of('member-1')).toEqual({ status: 'pending' });
  });

  it('fail shows a problem found before sending; reset clears it', () => {
    const { result } = renderHook(() => useActions());
    act(() => result.current.fail('offer-1', '请先选一个原因'));
    expect(result.current.of('offer-1')).toEqual({ status: 'failed', message: '请先选一个原因' });
    act(() => result.current.reset('offer-1'));
    expect(result.current.of('offer-1')).toEqual({ status: 'idle' });
  });

  it('run, fail and reset keep their identity across renders (safe in dependency lists)', async () => {
    const { result } = renderHook(() => useActions());
    const first = result.current;
    await act(async () => {
      first.run('x', () => Promise.resolve(1));
    });
    expect(result.current.run).toBe(first.run);
    expect(result.current.fail).toBe(first.fail);
    expect(result.current.reset).toBe(first.reset);
  });
});
