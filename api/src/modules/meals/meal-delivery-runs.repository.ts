import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { MEAL_DELIVERY_PLANNED_STATUSES, MEAL_DELIVERY_SETTLED_STATUSES, type MealKind } from '@linli/shared';
import { MealCounter } from './meal-counter.entity';
import { MealDeliveryRun } from './meal-delivery-run.entity';
import { MealDeliveryStop } from './meal-delivery-stop.entity';
import { MealOrder } from './meal-order.entity';

/** Everything a stop's view and its moves need: the run, and the order with its elder, point and lines. */
const STOP_DETAILS = { run: { area: true }, mealOrder: { resident: true, mealPoint: { region: true, windows: true }, lines: true } } as const;

/** The queries of delivery runs: the plan, the committed runs and their stops. */
@Injectable()
export class MealDeliveryRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * A meal's 送餐 orders nobody has set out with yet and no committed run carries, with the elder, their community and
   * the lines to hand over.
   */
  listDeliveriesToPlan(mealPointId: string, mealDate: string, mealKind: MealKind, manager?: EntityManager): Promise<MealOrder[]> {
    return this.m(manager)
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
      .andWhere('NOT EXISTS (SELECT 1 FROM meal_delivery_stop stop WHERE stop.meal_order_id = meal.id)')
      .orderBy('meal.id', 'ASC')
      .addOrderBy('line.dish_id', 'ASC')
      .getMany();
  }

  /**
   * Serialises commits of one meal on MySQL/MariaDB by its counter row (the lock every order and cancellation of the
   * meal takes too), so a second commit waits and then finds the runs; SQLite writes one at a time already.
   */
  async lockMeal(manager: EntityManager, mealPointId: string, mealDate: string, mealKind: MealKind): Promise<void> {
    if (this.dataSource.options.type === 'better-sqlite3') return;
    await manager.getRepository(MealCounter).findOne({ where: { mealPointId, mealDate, mealKind }, lock: { mode: 'pessimistic_write' } });
  }

  /** The meal's committed runs in run order, with their area and how many stops each has. */
  listRunsOfMeal(mealPointId: string, mealDate: string, mealKind: MealKind, manager?: EntityManager): Promise<MealDeliveryRun[]> {
    return this.m(manager)
      .getRepository(MealDeliveryRun)
      .find({ where: { mealPointId, mealDate, mealKind }, relations: { area: true, stops: true }, order: { runNumber: 'ASC' } });
  }

  async insertRun(manager: EntityManager, run: Omit<MealDeliveryRun, 'mealPoint' | 'area' | 'serviceOrder' | 'stops' | 'createdAt'>): Promise<void> {
    await manager.getRepository(MealDeliveryRun).insert(run);
  }

  async insertStops(manager: EntityManager, stops: Array<Pick<MealDeliveryStop, 'mealOrderId' | 'runId' | 'sequence'>>): Promise<void> {
    await manager.getRepository(MealDeliveryStop).insert(stops);
  }

  /** A meal order's stop, with its run and the order's elder, point and lines; null when it is on no run. */
  findStop(mealOrderId: string, manager?: EntityManager): Promise<MealDeliveryStop | null> {
    return this.m(manager).getRepository(MealDeliveryStop).findOne({ where: { mealOrderId }, relations: STOP_DETAILS });
  }

  /** The run a dispatch order carries. */
  findRunByOrder(serviceOrderId: string, manager?: EntityManager): Promise<MealDeliveryRun | null> {
    return this.m(manager)
      .getRepository(MealDeliveryRun)
      .findOne({ where: { serviceOrderId }, relations: { area: true, mealPoint: true } });
  }

  /** Runs of these dispatch orders, with their point and area. */
  listRunsByOrders(serviceOrderIds: readonly string[]): Promise<MealDeliveryRun[]> {
    if (serviceOrderIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(MealDeliveryRun).find({ where: { serviceOrderId: In([...serviceOrderIds]) }, relations: { area: true, mealPoint: true } });
  }

  /** The stops of these runs in order, each with its order's elder, point and lines. */
  listStopsOfRuns(runIds: readonly string[], manager?: EntityManager): Promise<MealDeliveryStop[]> {
    if (runIds.length === 0) return Promise.resolve([]);
    return this.m(manager)
      .getRepository(MealDeliveryStop)
      .find({ where: { runId: In([...runIds]) }, relations: STOP_DETAILS, order: { runId: 'ASC', sequence: 'ASC' } });
  }

  /**
   * Serialises the stop taps of one run on MySQL/MariaDB (two doors settled at once must agree on which was the last,
   * and on who moves the run's order); SQLite writes one at a time already.
   */
  async lockRun(manager: EntityManager, runId: string): Promise<void> {
    if (this.dataSource.options.type === 'better-sqlite3') return;
    await manager.getRepository(MealDeliveryRun).findOne({ where: { id: runId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Stops of the run still to settle (neither delivered, nor nobody at home, nor taken off by a cancellation). */
  countOpenStops(manager: EntityManager, runId: string): Promise<number> {
    return manager
      .getRepository(MealDeliveryStop)
      .createQueryBuilder('stop')
      .innerJoin('stop.mealOrder', 'meal')
      .where('stop.run_id = :runId', { runId })
      .andWhere('meal.status NOT IN (:...settled)', { settled: MEAL_DELIVERY_SETTLED_STATUSES })
      .getCount();
  }
}
