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
   * A meal's 送餐 orders waiting for a run, with the elder, their community and the lines to hand over: those no run
   * carries yet (placed, paid, ready), and those whose run's dispatch order was cancelled before their meal was handed
   * over (ready, or out with that run's worker) — their stop on the cancelled run is still live until a commit plans
   * them again.
   */
  listDeliveriesToPlan(mealPointId: string, mealDate: string, mealKind: MealKind, manager?: EntityManager): Promise<MealOrder[]> {
    return this.deliveriesToPlan(manager)
      .innerJoinAndSelect('meal.resident', 'resident')
      .leftJoinAndSelect('resident.community', 'community')
      .leftJoinAndSelect('meal.lines', 'line')
      .andWhere('meal.meal_point_id = :mealPointId', { mealPointId })
      .andWhere('meal.meal_date = :mealDate', { mealDate })
      .andWhere('meal.meal_kind = :mealKind', { mealKind })
      .orderBy('meal.id', 'ASC')
      .addOrderBy('line.dish_id', 'ASC')
      .getMany();
  }

  /**
   * The meals from `fromDate` to `toDate` with deliveries waiting for a run, leaving out WeChat Pay orders still
   * unpaid (the payments sweep settles those at the cut-off): what the cut-off sweep has to commit.
   */
  listMealsToPlan(fromDate: string, toDate: string): Promise<Array<{ mealPointId: string; mealDate: string; mealKind: MealKind }>> {
    return this.deliveriesToPlan()
      .select('meal.meal_point_id', 'mealPointId')
      .addSelect('meal.meal_date', 'mealDate')
      .addSelect('meal.meal_kind', 'mealKind')
      .andWhere('meal.meal_date BETWEEN :fromDate AND :toDate', { fromDate, toDate })
      .andWhere("NOT (meal.payment_method = 'wechat_pay' AND meal.status = 'placed')")
      .groupBy('meal.meal_point_id')
      .addGroupBy('meal.meal_date')
      .addGroupBy('meal.meal_kind')
      .orderBy('meal.meal_date', 'ASC')
      .getRawMany<{ mealPointId: string; mealDate: string; mealKind: MealKind }>();
  }

  private deliveriesToPlan(manager?: EntityManager) {
    return this.m(manager)
      .getRepository(MealOrder)
      .createQueryBuilder('meal')
      .where("meal.fulfilment = 'delivery'")
      .andWhere('meal.status IN (:...statuses)', { statuses: [...MEAL_DELIVERY_PLANNED_STATUSES, 'out_for_delivery'] })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM meal_delivery_stop stop
           INNER JOIN meal_delivery_run run ON run.id = stop.run_id
           INNER JOIN service_order carrier ON carrier.id = run.service_order_id
           WHERE stop.meal_order_id = meal.id AND stop.live IS NOT NULL AND carrier.status <> 'cancelled')`,
      );
  }

  /**
   * Gives these orders back from their cancelled runs (under the meal's lock, for orders listDeliveriesToPlan found):
   * the old stops stay as history, no longer live, so each order can take its place in a new run.
   */
  async releaseStops(manager: EntityManager, mealOrderIds: readonly string[]): Promise<void> {
    if (mealOrderIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .update(MealDeliveryStop)
      .set({ live: null })
      .where('meal_order_id IN (:...mealOrderIds)', { mealOrderIds })
      .andWhere('live IS NOT NULL')
      .execute();
  }

  /** The number the meal's next run takes: runs are numbered on across commits. */
  async nextRunNumber(manager: EntityManager, mealPointId: string, mealDate: string, mealKind: MealKind): Promise<number> {
    const row = await manager
      .getRepository(MealDeliveryRun)
      .createQueryBuilder('run')
      .select('MAX(run.run_number)', 'last')
      .where('run.meal_point_id = :mealPointId AND run.meal_date = :mealDate AND run.meal_kind = :mealKind', { mealPointId, mealDate, mealKind })
      .getRawOne<{ last: number | string | null }>();
    return Number(row?.last ?? 0) + 1;
  }

  /**
   * Serialises commits of one meal on MySQL/MariaDB by its counter row (the lock every order and cancellation of the
   * meal takes too), so a second commit waits and then finds nothing left to plan; SQLite writes one at a time already.
   */
  async lockMeal(manager: EntityManager, mealPointId: string, mealDate: string, mealKind: MealKind): Promise<void> {
    if (this.dataSource.options.type === 'better-sqlite3') return;
    await manager.getRepository(MealCounter).findOne({ where: { mealPointId, mealDate, mealKind }, lock: { mode: 'pessimistic_write' } });
  }

  /** The meal's committed runs in run order, with their area, their stops and their dispatch order (cancelled or not). */
  listRunsOfMeal(mealPointId: string, mealDate: string, mealKind: MealKind, manager?: EntityManager): Promise<MealDeliveryRun[]> {
    return this.m(manager)
      .getRepository(MealDeliveryRun)
      .find({ where: { mealPointId, mealDate, mealKind }, relations: { area: true, stops: true, serviceOrder: true }, order: { runNumber: 'ASC' } });
  }

  async insertRun(manager: EntityManager, run: Omit<MealDeliveryRun, 'mealPoint' | 'area' | 'serviceOrder' | 'stops' | 'createdAt'>): Promise<void> {
    await manager.getRepository(MealDeliveryRun).insert(run);
  }

  async insertStops(manager: EntityManager, stops: Array<Pick<MealDeliveryStop, 'mealOrderId' | 'runId' | 'sequence'>>): Promise<void> {
    await manager.getRepository(MealDeliveryStop).insert(stops.map((stop) => ({ ...stop, live: true as const })));
  }

  /** A meal order's live stop, with its run and the order's elder, point and lines; null when it is on no run. */
  findStop(mealOrderId: string, manager?: EntityManager): Promise<MealDeliveryStop | null> {
    return this.m(manager)
      .getRepository(MealDeliveryStop)
      .findOne({ where: { mealOrderId, live: true }, relations: STOP_DETAILS });
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
