import { Inject, Injectable } from '@nestjs/common';
import { IntervalTask } from '../../common/scheduling/interval-task';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Dispatcher } from './dispatcher';

/**
 * The dispatcher's time-driven pass (expired offers, unclaimed pools, late orders, auto-confirmation) every
 * DISPATCH_SWEEP_SECONDS in every instance; the pass is made of conditional updates only one instance can win.
 */
@Injectable()
export class DispatchSweeper extends IntervalTask {
  protected readonly seconds: number;

  constructor(
    private readonly dispatcher: Dispatcher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.seconds = config.dispatch.sweepSeconds;
  }

  protected runOnce(): Promise<void> {
    return this.dispatcher.sweep();
  }
}
