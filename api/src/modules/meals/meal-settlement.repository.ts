import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MEAL_SETTLEMENT_STATUSES } from '@linli/shared';
import { MealOrder } from './meal-order.entity';

/** The queries of monthly settlement: read-only, over orders' stored prices. */
@Injectable()
export class MealSettlementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The subsidised meals of some meal points between two Shanghai dates (inclusive) that count in settlement, with
   * the elder and the point: every one, unpaged, since a settlement that leaves rows out cannot be reconciled (a busy
   * point serves a few thousand a month).
   */
  listSubsidisedMealsToSettle(mealPointIds: readonly string[], fromDate: string, toDate: string): Promise<MealOrder[]> {
    if (mealPointIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(MealOrder)
      .createQueryBuilder('meal')
      .innerJoinAndSelect('meal.resident', 'resident')
      .innerJoinAndSelect('meal.mealPoint', 'point')
      .where('meal.meal_point_id IN (:...mealPointIds)', { mealPointIds })
      .andWhere('meal.meal_date BETWEEN :fromDate AND :toDate', { fromDate, toDate })
      .andWhere('meal.status IN (:...statuses)', { statuses: MEAL_SETTLEMENT_STATUSES })
      .andWhere('(meal.subsidy_fen > 0 OR meal.delivery_subsidy_fen > 0)')
      .orderBy('meal.meal_date', 'ASC')
      .addOrderBy('point.name', 'ASC')
      .addOrderBy('meal.created_at', 'ASC')
      .addOrderBy('meal.id', 'ASC')
      .getMany();
  }
}
