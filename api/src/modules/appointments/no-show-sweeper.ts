import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BookingsService } from './bookings.service';

/**
 * Runs the no-show sweep every NO_SHOW_SWEEP_SECONDS in this process. Every API instance runs one; the sweep's
 * conditional updates make that harmless (see BookingsService.sweepNoShows), so no leader election is needed.
 */
@Injectable()
export class NoShowSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NoShowSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly bookings: BookingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.appointments.noShowSweepSeconds;
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.sweepOnce(), seconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async sweepOnce(): Promise<void> {
    if (this.running) return; // a slow sweep is never overlapped by the next tick of the same process
    this.running = true;
    try {
      const moved = await this.bookings.sweepNoShows();
      if (moved) this.logger.log(`marked ${moved} bookings as no-shows`);
    } catch (error) {
      this.logger.error(`no-show sweep failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
