import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Dispatcher } from './dispatcher';

/**
 * Runs the dispatcher's time-driven pass (expired offers, unclaimed pools, late orders, auto-confirmation) every
 * DISPATCH_SWEEP_SECONDS in this process. Every API instance runs one; the pass is made of conditional updates
 * that only one instance can win, so no leader election is needed and a restart loses nothing.
 */
@Injectable()
export class DispatchSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DispatchSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly dispatcher: Dispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.dispatch.sweepSeconds;
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.sweepOnce(), seconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async sweepOnce(): Promise<void> {
    if (this.running) return; // never overlap a slow pass with the next tick of the same process
    this.running = true;
    try {
      await this.dispatcher.sweep();
    } catch (error) {
      this.logger.error(`dispatch sweep failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
