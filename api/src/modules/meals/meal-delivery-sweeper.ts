import { Inject, Injectable } from '@nestjs/common';
import { IntervalTask } from '../../common/scheduling/interval-task';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MealDeliveryRunsService } from './meal-delivery-runs.service';

/**
 * Every MEAL_DELIVERY_SWEEP_SECONDS in every instance: commits the delivery runs of each meal past its cut-off that has
 * deliveries waiting for a run (none committed yet, paid since, or given back by a cancelled run). The meal's lock and
 * the unique run numbers and live stops make two instances sweeping at once harmless (decision 0010).
 */
@Injectable()
export class MealDeliverySweeper extends IntervalTask {
  protected readonly seconds: number;

  constructor(
    private readonly runs: MealDeliveryRunsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.seconds = config.meals.deliverySweepSeconds;
  }

  protected async runOnce(): Promise<void> {
    await this.runs.commitDue();
  }
}
