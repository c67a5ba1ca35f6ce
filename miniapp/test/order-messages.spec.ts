import { instantOf } from '@linli/shared';

import { ApiError } from '../src/services/api-error';
import { isWindowOpen, windowDates, windowOf } from '../src/forms/visit-window';
import { countdownText, orderErrorMessage, secondsLeftAfter, starsOf, windowLabel } from '../src/texts/order-messages';
import { reasonProblem, reasonText } from '../src/forms/reason';

const error = (code: string, message = '服务器说明') => new ApiError({ code, message, status: 409 });

describe('home-service wording and windows', () => {
  it('a lost grab reads as taken by someone else; other codes get their own sentence', () => {
    expect(orderErrorMessage(error('INVALID_TRANSITION'), 'grab')).toBe('已被其他服务人员接单');
    expect(orderErrorMessage(error('CONFLICT'), 'grab')).toBe('已被其他服务人员接单');
    expect(orderErrorMessage(error('ORDER_TAKEN'))).toBe('已被其他服务人员接单');
    expect(orderErrorMessage(error('INVALID_TRANSITION'))).toBe('订单状态已经变了，请看最新状态。');
    expect(orderErrorMessage(error('WORKER_AT_CAPACITY'))).toBe('您手上未完成的订单已满，先完成一单再接新的。');
    expect(orderErrorMessage(error('TIMEOUT'))).toBe('网络不稳定，没有收到结果。请稍后再点一次。');
    expect(orderErrorMessage(error('SLOT_UNAVAILABLE'))).toBe('服务器说明');
  });

  it('上午/下午/晚上 are Shanghai hours; today only offers windows starting an hour or more from now', () => {
    expect(windowOf('2026-11-28', 'afternoon')).toEqual({
      windowStartsAt: '2026-11-28T06:00:00.000Z',
      windowEndsAt: '2026-11-28T09:00:00.000Z',
    });
    const now = instantOf('2026-11-27', '13:30');
    expect(isWindowOpen('2026-11-27', 'morning', now)).toBe(false);
    expect(isWindowOpen('2026-11-27', 'afternoon', now)).toBe(false);
    expect(isWindowOpen('2026-11-27', 'evening', now)).toBe(true);
    expect(windowDates(now)[0]).toBe('2026-11-27');
    expect(windowDates(instantOf('2026-11-27', '17:30'))).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
  });

  it('labels a window by its Shanghai date and hours', () => {
    const now = instantOf('2026-11-27', '10:00');
    expect(windowLabel('2026-11-28T01:00:00.000Z', '2026-11-28T04:00:00.000Z', now)).toBe('明天 11月28日 周六 09:00–12:00');
    expect(windowLabel('2026-11-28T14:00:00.000Z', '2026-11-28T17:00:00.000Z', now)).toBe('明天 11月28日 周六 22:00 至 11月29日 周日 01:00');
  });

  it('counts an offer down from the seconds left by the server clock, in minutes and seconds, never below zero', () => {
    expect(secondsLeftAfter(65, 0)).toBe(65);
    expect(secondsLeftAfter(65, 1_500)).toBe(64);
    expect(secondsLeftAfter(65, 65_000)).toBe(0);
    expect(secondsLeftAfter(65, 90_000)).toBe(0);
    expect(countdownText(65)).toBe('1分05秒');
    expect(countdownText(45)).toBe('45秒');
    expect(starsOf(4)).toBe('★★★★☆');
  });

  it('a reason is a picked choice plus what was typed; 其他 needs words', () => {
    expect(reasonText({ choice: '时间冲突', detail: ' 下午看病 ' })).toBe('时间冲突：下午看病');
    expect(reasonText({ choice: '其他', detail: '家里来客人' })).toBe('家里来客人');
    expect(reasonProblem({ choice: null, detail: '' }, true)).toBe('请先选一个原因');
    expect(reasonProblem({ choice: '其他', detail: '' }, true)).toBe('请写一下具体原因');
    expect(reasonProblem({ choice: '距离太远', detail: '' }, true)).toBeNull();
    expect(reasonProblem({ choice: null, detail: '好' }, false)).toBe('请填写原因（至少 2 个字）');
  });
});
