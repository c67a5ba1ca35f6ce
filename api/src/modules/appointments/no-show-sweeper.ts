import { Inject, Injectable } from '@nestjs/common';
import { IntervalTask } from '../../common/scheduling/interval-task';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { NoShowsService } from './no-shows.service';

/**
 * The no-show sweep every NO_SHOW_SWEEP_SECONDS in every instance; its conditional updates make that harmless (see
 * NoShowsService.sweepNoShows).
 */
@Injectable()
export class NoShowSweeper extends IntervalTask {
  protected readonly seconds: number;

  constructor(
    private readonly noShows: NoShowsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.seconds = config.appointments.noShowSweepSeconds;
  }

  protected async runOnce(): Promise<void> {
    const moved = await this.noShows.sweepNoShows();
    if (moved) this.logger.log(`marked ${moved} bookings as no-shows`);
  }
}
