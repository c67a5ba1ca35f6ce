import { Inject, Injectable } from '@nestjs/common';
import { IntervalTask } from '../../common/scheduling/interval-task';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { WechatPayments } from './wechat-payments';

/**
 * Every WECHATPAY_SWEEP_SECONDS in every instance: reconcile payments whose notification never came, resend refunds
 * WeChat Pay has not accepted, cancel orders unpaid at their cut-off. Guarded updates and the refund lease make two
 * instances sweeping at once harmless (decision 0010).
 */
@Injectable()
export class WechatPaySweeper extends IntervalTask {
  protected readonly seconds: number;

  constructor(
    private readonly payments: WechatPayments,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.seconds = config.wechatPay.sweepSeconds;
  }

  protected runOnce(): Promise<void> {
    return this.payments.sweep();
  }
}
