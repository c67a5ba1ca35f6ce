import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MEAL_DELIVERY_PLANNED_STATUSES, type MealKind } from '@linli/shared';
import { MealOrder } from './meal-order.entity';

/** The queries of delivery runs: read-only for now (see docs/meals.md, Delivery). */
@Injectable()
export class MealDeliveryRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A meal's 送餐 orders nobody has set out with yet, with the elder, their community and the lines to hand over. */
  listDeliveriesToPlan(mealPointId: string, mealDate: string, mealKind: MealKind): Promise<MealOrder[]> {
    return this.dataSource
      .getRepository(MealOrder)
      .createQueryBuilder('meal')
      .innerJoinAndSelect('meal.resident', 'resident')
      .leftJoinAndSelect('resident.community', 'community')
      .leftJoinAndSelect('meal.lines', 'line')
      .where('meal.meal_point_id = :mealPointId', { mealPointId })
      .andWhere('meal.meal_date = :mealDate', { mealDate })
      .andWhere('meal.meal_kind = :mealKind', { mealKind })
      .andWhere("meal.fulfilment = 'delivery'")
      .andWhere('meal.status IN (:...statuses)', { statuses: MEAL_DELIVERY_PLANNED_STATUSES })
      .orderBy('meal.id', 'ASC')
      .addOrderBy('line.dish_id', 'ASC')
      .getMany();
  }
}
