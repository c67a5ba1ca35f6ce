import { wechatRefundableFen, wechatRefundProgress, wechatRefundsComplete, type WechatRefundStatus } from './payments';

const refund = (status: WechatRefundStatus, amountFen: number) => ({ status, amountFen });

describe('WeChat Pay refunds of one payment', () => {
  it.each([
    ['no refund', [], { pendingFen: 0, refundedFen: 0, failedFen: 0 }, 2000, true],
    ['one requested', [refund('requested', 500)], { pendingFen: 500, refundedFen: 0, failedFen: 0 }, 1500, false],
    ['one processing', [refund('processing', 500)], { pendingFen: 500, refundedFen: 0, failedFen: 0 }, 1500, false],
    ['one succeeded', [refund('succeeded', 500)], { pendingFen: 0, refundedFen: 500, failedFen: 0 }, 1500, true],
    // The ¥5 WeChat Pay closed is settled by hand: only ¥15 of the ¥20 may still go back automatically.
    ['one failed', [refund('failed', 500)], { pendingFen: 0, refundedFen: 0, failedFen: 500 }, 1500, false],
    ['a failed partial, then the remainder succeeded', [refund('failed', 500), refund('succeeded', 1500)], { pendingFen: 0, refundedFen: 1500, failedFen: 500 }, 0, false],
    [
      'two partials succeeded, the remainder on its way',
      [refund('succeeded', 300), refund('succeeded', 200), refund('processing', 1500)],
      { pendingFen: 1500, refundedFen: 500, failedFen: 0 },
      0,
      false,
    ],
    ['everything back', [refund('succeeded', 300), refund('succeeded', 1700)], { pendingFen: 0, refundedFen: 2000, failedFen: 0 }, 0, true],
    [
      'every status at once',
      [refund('requested', 1), refund('processing', 10), refund('succeeded', 100), refund('failed', 1000)],
      { pendingFen: 11, refundedFen: 100, failedFen: 1000 },
      889,
      false,
    ],
  ])('%s of a ¥20 payment', (_, refunds, progress, refundable, complete) => {
    expect(wechatRefundProgress(refunds)).toEqual(progress);
    expect(wechatRefundableFen(2000, refunds)).toBe(refundable);
    expect(wechatRefundsComplete(wechatRefundProgress(refunds))).toBe(complete);
  });
});
