import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, LessThanOrEqual, type FindOptionsRelations } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { MAX_PHOTOS_PER_ORDER, ORDER_OPEN_STATUSES, type DispatchMode, type OrderStatus, type ProviderKind, type WorkingDay } from '@linli/shared';
import { sqlInstant, sqlJson } from '../../database/sql';
import { Provider, Worker } from '../providers';
import { DispatchOffer, type OfferStatus } from './dispatch-offer.entity';
import { OrderEventRecord } from './order-event.entity';
import { OrderPhoto } from './order-photo.entity';
import { OrderRating } from './order-rating.entity';
import { ServiceOrder } from './service-order.entity';
import { plainSelect } from '../../database/plain-select';

/** What the dispatcher's ranking reads of a worker (shared's rankCandidates, and the working hours before it). */
export type OfferCandidate = Pick<Worker, 'id' | 'latitudeE6' | 'longitudeE6' | 'workingHours' | 'openOrders' | 'maxOpenOrders' | 'ratingSum' | 'ratingCount' | 'lastOfferedAt'>;

const OFFER_CANDIDATE_COLUMNS = (
  ['id', 'latitudeE6', 'longitudeE6', 'workingHours', 'openOrders', 'maxOpenOrders', 'ratingSum', 'ratingCount', 'lastOfferedAt'] satisfies (keyof OfferCandidate)[]
).map((field) => `w.${field}`);

/** Providers whose workers carry meal-delivery runs (助餐配送 organisations, and canteens delivering themselves). */
const MEAL_DELIVERY_PROVIDER_KINDS: readonly ProviderKind[] = ['meal', 'canteen'];

/** Everything an order view needs, loaded in one go. */
const ORDER_DETAILS: FindOptionsRelations<ServiceOrder> = { centreService: { centre: true, service: true }, resident: true, worker: { provider: true } };

/**
 * What an order view shows (OrderViews), as plain values: built from a hydrated order, or read straight from the
 * database by the worker's hot polling reads (issue 17), which select only these columns.
 */
export type OrderViewRow = Pick<
  ServiceOrder,
  | 'id'
  | 'kind'
  | 'status'
  | 'dispatchMode'
  | 'address'
  | 'latitudeE6'
  | 'longitudeE6'
  | 'windowStartsAt'
  | 'windowEndsAt'
  | 'description'
  | 'completionNote'
  | 'completedAt'
  | 'photoCount'
  | 'createdAt'
  | 'updatedAt'
> & {
  service: { id: string; name: string } | null;
  centre: { id: string; name: string } | null;
  person: { id: string; name: string } | null;
  worker: { id: string; name: string; providerName: string; phoneCipher: string } | null;
  rating: Pick<OrderRating, 'score' | 'comment' | 'createdAt'> | null;
};

/** A worker's open offer as their poll reads it, with the view of its order (null if the order is gone). */
export interface OpenOfferRow {
  id: string;
  expiresAt: Date;
  distanceMeters: number | null;
  order: OrderViewRow | null;
}

/** What deciding a worker's grab pool reads of the worker (besides their skills and areas, which the pool query joins). */
export type PoolWorker = Pick<Worker, 'id' | 'online' | 'openOrders' | 'maxOpenOrders' | 'workingHours'> & { providerDispatchMode: DispatchMode };

/**
 * What deciding a grab reads before its transaction (issue 17: in a burst most grabs lose, so this is their whole
 * cost beyond the guard): the worker behind the account, their provider's dispatch mode, the order's own state, and
 * whether the worker has the order's skill and serves its community. `order` is null when there is no such order.
 */
export interface GrabFacts {
  worker: Pick<Worker, 'id' | 'name' | 'online' | 'workingHours'> & { providerDispatchMode: DispatchMode };
  order: (Pick<ServiceOrder, 'status' | 'dispatchMode' | 'serviceId' | 'windowStartsAt' | 'windowEndsAt'> & { covered: boolean }) | null;
}

/** The columns of OrderViewRow, over `o` and ORDER_VIEW_JOINS. */
const ORDER_VIEW_COLUMNS = `o.id, o.kind, o.status, o.dispatch_mode, o.address, o.latitude_e6, o.longitude_e6, o.window_starts_at, o.window_ends_at,
    o.description, o.completion_note, o.completed_at, o.photo_count, o.created_at, o.updated_at,
    s.id AS service_id, s.name AS service_name, c.id AS centre_id, c.name AS centre_name, r.id AS person_id, r.name AS person_name,
    w.id AS worker_id, w.name AS worker_name, w.phone_cipher AS worker_phone_cipher, wp.name AS worker_provider_name,
    rt.score AS rating_score, rt.comment AS rating_comment, rt.created_at AS rating_created_at`;

/** ORDER_DETAILS as plain joins, plus the rating (a meal run has no offering or person; an order nobody holds, no worker). */
const ORDER_VIEW_JOINS = `LEFT JOIN centre_service cs ON cs.id = o.centre_service_id
    LEFT JOIN centre c ON c.id = cs.centre_id
    LEFT JOIN community_service s ON s.id = cs.service_id
    LEFT JOIN resident r ON r.id = o.resident_id
    LEFT JOIN worker w ON w.id = o.worker_id
    LEFT JOIN provider wp ON wp.id = w.provider_id
    LEFT JOIN order_rating rt ON rt.order_id = o.id`;

/** A row of a plain query: what both drivers hand back (MySQL's a Date for a datetime, SQLite its text). */
type SqlRow = Record<string, string | number | Date | null>;

const text = (value: SqlRow[string] | undefined): string | null => (value === null || value === undefined ? null : String(value));

/** An OrderViewRow from a row of ORDER_VIEW_COLUMNS (null when the LEFT JOIN found no order). */
function orderViewRowOf(row: SqlRow): OrderViewRow | null {
  if (row.id === null || row.id === undefined) return null;
  return {
    id: String(row.id),
    kind: row.kind as ServiceOrder['kind'],
    status: row.status as OrderStatus,
    dispatchMode: row.dispatch_mode as DispatchMode,
    address: String(row.address),
    latitudeE6: Number(row.latitude_e6),
    longitudeE6: Number(row.longitude_e6),
    windowStartsAt: sqlInstant(row.window_starts_at),
    windowEndsAt: sqlInstant(row.window_ends_at),
    description: String(row.description),
    completionNote: text(row.completion_note),
    completedAt: row.completed_at === null ? null : sqlInstant(row.completed_at),
    photoCount: Number(row.photo_count),
    createdAt: sqlInstant(row.created_at),
    updatedAt: sqlInstant(row.updated_at),
    service: row.service_id === null ? null : { id: String(row.service_id), name: String(row.service_name) },
    centre: row.centre_id === null ? null : { id: String(row.centre_id), name: String(row.centre_name) },
    person: row.person_id === null ? null : { id: String(row.person_id), name: String(row.person_name) },
    worker:
      row.worker_id === null
        ? null
        : { id: String(row.worker_id), name: String(row.worker_name), providerName: String(row.worker_provider_name), phoneCipher: String(row.worker_phone_cipher) },
    rating: row.rating_score === null ? null : { score: Number(row.rating_score), comment: text(row.rating_comment), createdAt: sqlInstant(row.rating_created_at) },
  };
}

/** Conditions a status move must still meet when it runs (beyond the expected status). */
export interface OrderGuard {
  currentOfferId?: string;
  workerId?: string;
}

@Injectable()
export class DispatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  // ─── orders ────────────────────────────────────────────────────────────────────────────────────────────────

  async insertOrder(manager: EntityManager, order: Omit<ServiceOrder, 'centreService' | 'resident' | 'worker' | 'createdAt' | 'updatedAt'>): Promise<void> {
    await manager.getRepository(ServiceOrder).insert(order);
  }

  findOrder(orderId: string, manager?: EntityManager): Promise<ServiceOrder | null> {
    return this.m(manager)
      .getRepository(ServiceOrder)
      .findOne({ where: { id: orderId }, relations: ORDER_DETAILS });
  }

  /** The order's own row, without the joined service, centre, person and worker (for checks on hot paths). */
  findOrderState(orderId: string, manager?: EntityManager): Promise<ServiceOrder | null> {
    return this.m(manager)
      .getRepository(ServiceOrder)
      .findOne({ where: { id: orderId } });
  }

  /**
   * Moves an order from the status and version the caller read to the next status, only if nothing changed it
   * meanwhile (not even a move that came back to the same status). This conditional UPDATE is what makes "exactly
   * one accept / one grab / one expiry / one of a reject and a cancel" hold under any concurrency.
   */
  async moveOrder(
    manager: EntityManager,
    read: Pick<ServiceOrder, 'id' | 'status' | 'version'>,
    to: OrderStatus,
    set: QueryDeepPartialEntity<ServiceOrder>,
    guard: OrderGuard = {},
  ): Promise<boolean> {
    const query = manager
      .createQueryBuilder()
      .update(ServiceOrder)
      .set({ ...set, status: to, version: () => 'version + 1' })
      .where('id = :orderId AND status = :from AND version = :version', { orderId: read.id, from: read.status, version: read.version });
    if (guard.currentOfferId) query.andWhere('current_offer_id = :offerId', { offerId: guard.currentOfferId });
    if (guard.workerId) query.andWhere('worker_id = :workerId', { workerId: guard.workerId });
    return (await query.execute()).affected === 1;
  }

  /** A worker's meal-delivery runs in these statuses, soonest window first. */
  listMealRunsOf(workerId: string, statuses: readonly OrderStatus[]): Promise<ServiceOrder[]> {
    return this.dataSource.getRepository(ServiceOrder).find({ where: { workerId, kind: 'meal_delivery', status: In([...statuses]) }, order: { windowStartsAt: 'ASC' } });
  }

  /** Orders for any of these people, newest first. */
  listForPeople(residentIds: string[], limit: number): Promise<ServiceOrder[]> {
    if (residentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ServiceOrder).find({ where: { residentId: In(residentIds) }, relations: ORDER_DETAILS, order: { createdAt: 'DESC' }, take: limit });
  }

  /** A worker's orders in these statuses, soonest window first (active) or latest first (history). */
  listForWorker(workerId: string, statuses: readonly OrderStatus[], newestFirst: boolean, limit: number): Promise<ServiceOrder[]> {
    return this.dataSource.getRepository(ServiceOrder).find({
      where: { workerId, status: In([...statuses]) },
      relations: ORDER_DETAILS,
      order: newestFirst ? { updatedAt: 'DESC' } : { windowStartsAt: 'ASC' },
      take: limit,
    });
  }

  /** Orders under a region in these statuses, earliest window first (the staff board). */
  listWithinRegion(regionPath: string, statuses: readonly OrderStatus[], centreId: string | null, limit: number): Promise<ServiceOrder[]> {
    const query = this.ordersWithDetails()
      .where('o.status IN (:...statuses)', { statuses })
      .andWhere('o.region_path LIKE :prefix', { prefix: `${regionPath}%` })
      .orderBy('o.window_starts_at', 'ASC')
      .take(limit);
    if (centreId) query.andWhere('cs.centre_id = :centreId', { centreId });
    return query.getMany();
  }

  /** Orders joined with everything a view shows (service, centre, person, worker and provider; a meal run has no service, centre or person). */
  private ordersWithDetails() {
    return this.dataSource
      .getRepository(ServiceOrder)
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.centreService', 'cs')
      .leftJoinAndSelect('cs.centre', 'centre')
      .leftJoinAndSelect('cs.service', 'service')
      .leftJoinAndSelect('o.resident', 'resident')
      .leftJoinAndSelect('o.worker', 'worker')
      .leftJoinAndSelect('worker.provider', 'provider');
  }

  /** Pending assign-mode orders: normally offered at once, listed here in case that first attempt failed. */
  listAwaitingOffer(limit: number): Promise<ServiceOrder[]> {
    return this.dataSource.getRepository(ServiceOrder).find({ where: { status: 'pending_dispatch', dispatchMode: 'assign' }, order: { createdAt: 'ASC' }, take: limit });
  }

  /** Grab-mode orders still in the pool since before `createdBefore`. */
  listUnclaimedPool(createdBefore: Date, limit: number): Promise<ServiceOrder[]> {
    return this.dataSource
      .getRepository(ServiceOrder)
      .find({ where: { status: 'pending_dispatch', dispatchMode: 'grab', createdAt: LessThanOrEqual(createdBefore) }, order: { createdAt: 'ASC' }, take: limit });
  }

  /** Open orders whose window has begun and whose staff have not been warned yet (the SLA rule filters further). */
  listUnwarnedStarted(now: Date, limit: number): Promise<ServiceOrder[]> {
    return this.dataSource
      .getRepository(ServiceOrder)
      .createQueryBuilder('o')
      .where('o.status IN (:...statuses)', { statuses: ORDER_OPEN_STATUSES })
      .andWhere('o.sla_warned_at IS NULL')
      .andWhere('o.window_starts_at <= :now', { now })
      .orderBy('o.window_starts_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Sets the SLA warning once; false when another instance already did. */
  async markSlaWarned(manager: EntityManager, orderId: string, now: Date): Promise<boolean> {
    const result = await manager.createQueryBuilder().update(ServiceOrder).set({ slaWarnedAt: now }).where('id = :orderId AND sla_warned_at IS NULL', { orderId }).execute();
    return result.affected === 1;
  }

  listCompletedBefore(completedBefore: Date, limit: number): Promise<ServiceOrder[]> {
    return this.dataSource
      .getRepository(ServiceOrder)
      .find({ where: { status: 'completed', completedAt: LessThanOrEqual(completedBefore) }, order: { completedAt: 'ASC' }, take: limit });
  }

  // ─── timeline ──────────────────────────────────────────────────────────────────────────────────────────────

  async insertEvent(manager: EntityManager, event: Omit<OrderEventRecord, 'id' | 'order'>): Promise<void> {
    await manager.getRepository(OrderEventRecord).insert(event);
  }

  listEvents(orderId: string): Promise<OrderEventRecord[]> {
    return this.dataSource.getRepository(OrderEventRecord).find({ where: { orderId }, order: { id: 'ASC' } });
  }

  // ─── offers ────────────────────────────────────────────────────────────────────────────────────────────────

  async insertOffer(manager: EntityManager, offer: Omit<DispatchOffer, 'order' | 'worker'>): Promise<void> {
    await manager.getRepository(DispatchOffer).insert(offer);
  }

  findOffer(offerId: string, manager?: EntityManager): Promise<DispatchOffer | null> {
    return this.m(manager)
      .getRepository(DispatchOffer)
      .findOne({ where: { id: offerId } });
  }

  /**
   * Closes an open offer, only if it is still open (and, for `expiredBy`, already past its expiry; for
   * `unexpiredAt`, not yet past it). The winner of this UPDATE is the one who may move the order.
   */
  async closeOffer(
    manager: EntityManager,
    offerId: string,
    to: Exclude<OfferStatus, 'open'>,
    at: Date,
    options: { reason?: string | null; workerId?: string; expiredBy?: Date; unexpiredAt?: Date } = {},
  ): Promise<boolean> {
    const query = manager
      .createQueryBuilder()
      .update(DispatchOffer)
      .set({ status: to, respondedAt: at, reason: options.reason ?? null })
      .where("id = :offerId AND status = 'open'", { offerId });
    if (options.workerId) query.andWhere('worker_id = :workerId', { workerId: options.workerId });
    if (options.expiredBy) query.andWhere('expires_at <= :expiredBy', { expiredBy: options.expiredBy });
    if (options.unexpiredAt) query.andWhere('expires_at > :unexpiredAt', { unexpiredAt: options.unexpiredAt });
    return (await query.execute()).affected === 1;
  }

  /**
   * GET /api/worker/offer, what every online worker's phone polls (issue 17), in one plain query: the worker behind
   * the account and their latest open offer (a worker has at most one at a time: see listOfferCandidates), expired
   * or not, with its order's view columns. Null when the account has no worker; `offer` null when they have no open offer.
   */
  async findOpenOfferOfAccount(accountId: string): Promise<{ offer: OpenOfferRow | null } | null> {
    const rows: SqlRow[] = await plainSelect(
      this.dataSource,
      `SELECT off.id AS offer_id, off.expires_at AS offer_expires_at, off.distance_meters AS offer_distance_meters, ${ORDER_VIEW_COLUMNS}
        FROM worker me
        LEFT JOIN dispatch_offer off ON off.id = (
          SELECT latest.id FROM dispatch_offer latest WHERE latest.worker_id = me.id AND latest.status = 'open' ORDER BY latest.offered_at DESC LIMIT 1)
        LEFT JOIN service_order o ON o.id = off.order_id
        ${ORDER_VIEW_JOINS}
        WHERE me.account_id = ?`,
      [accountId],
    );
    const row = rows[0];
    if (!row) return null;
    const offer =
      row.offer_id === null
        ? null
        : {
            id: String(row.offer_id),
            expiresAt: sqlInstant(row.offer_expires_at),
            distanceMeters: row.offer_distance_meters === null ? null : Number(row.offer_distance_meters),
            order: orderViewRowOf(row),
          };
    return { offer };
  }

  listExpiredOpenOffers(now: Date, limit: number): Promise<DispatchOffer[]> {
    return this.dataSource.getRepository(DispatchOffer).find({ where: { status: 'open', expiresAt: LessThanOrEqual(now) }, order: { expiresAt: 'ASC' }, take: limit });
  }

  countOffersFor(orderId: string): Promise<number> {
    return this.dataSource.getRepository(DispatchOffer).count({ where: { orderId } });
  }

  // ─── workers ───────────────────────────────────────────────────────────────────────────────────────────────

  findWorkerByAccount(accountId: string): Promise<Worker | null> {
    return this.dataSource.getRepository(Worker).findOne({ where: { accountId }, relations: { provider: true } });
  }

  findWorker(workerId: string, manager?: EntityManager): Promise<Worker | null> {
    return this.m(manager)
      .getRepository(Worker)
      .findOne({ where: { id: workerId }, relations: { provider: true } });
  }

  /**
   * Workers the dispatcher may offer this order to: bound to WeChat, online, of an active assign-mode provider,
   * with the order's skill and community, under their cap, with no live offer now (one that expired but is not swept
   * yet does not count), never offered this order before. Working hours are checked afterwards by the pure rule.
   */
  listOfferCandidates(manager: EntityManager, order: Pick<ServiceOrder, 'id' | 'kind' | 'serviceId' | 'communityId'>, now: Date): Promise<OfferCandidate[]> {
    // Only the columns the ranking reads: with a few thousand workers online, hydrating whole workers and their
    // provider inside the order's write transaction was most of the time an order took to place (docs/performance.md).
    return this.eligibleWorkers(manager, order)
      .select(OFFER_CANDIDATE_COLUMNS)
      .andWhere('w.online = :online', { online: true })
      .andWhere("p.dispatch_mode = 'assign'")
      .andWhere('w.open_orders < w.max_open_orders')
      .andWhere("NOT EXISTS (SELECT 1 FROM dispatch_offer busy WHERE busy.worker_id = w.id AND busy.status = 'open' AND busy.expires_at > :now)", { now })
      .andWhere('NOT EXISTS (SELECT 1 FROM dispatch_offer seen WHERE seen.worker_id = w.id AND seen.order_id = :orderId)', { orderId: order.id })
      .getMany();
  }

  /** Workers staff may assign by hand: the order's skill and community, of an active provider, online or not. */
  listAssignable(order: Pick<ServiceOrder, 'id' | 'kind' | 'serviceId' | 'communityId'>): Promise<Worker[]> {
    return this.eligibleWorkers(this.dataSource.manager, order).getMany();
  }

  /**
   * The skill of a home visit is its service (`worker_skill`); a meal run's is the organisation's trade: workers of
   * 助餐配送 providers and canteens (decision 0015). Both need the order's community among the worker's areas.
   */
  private eligibleWorkers(manager: EntityManager, order: Pick<ServiceOrder, 'kind' | 'serviceId' | 'communityId'>) {
    const query = manager.getRepository(Worker).createQueryBuilder('w').innerJoinAndSelect('w.provider', 'p');
    if (order.kind === 'meal_delivery') query.andWhere('p.kind IN (:...mealKinds)', { mealKinds: MEAL_DELIVERY_PROVIDER_KINDS });
    else query.innerJoin('worker_skill', 'skill', 'skill.worker_id = w.id AND skill.service_id = :serviceId', { serviceId: order.serviceId });
    return query
      .innerJoin('worker_area', 'area', 'area.worker_id = w.id AND area.region_id = :communityId', { communityId: order.communityId })
      .andWhere("p.status = 'active'")
      .andWhere('w.account_id IS NOT NULL');
  }

  /** GrabFacts in one plain query; null when the account has no worker. */
  async findGrabFacts(accountId: string, orderId: string): Promise<GrabFacts | null> {
    const rows: SqlRow[] = await plainSelect(
      this.dataSource,
      `SELECT w.id, w.name, w.online, w.working_hours, p.dispatch_mode AS provider_dispatch_mode,
          o.id AS order_id, o.status, o.dispatch_mode, o.service_id, o.window_starts_at, o.window_ends_at,
          CASE WHEN EXISTS (SELECT 1 FROM worker_skill skill WHERE skill.worker_id = w.id AND skill.service_id = o.service_id)
            AND EXISTS (SELECT 1 FROM worker_area area WHERE area.worker_id = w.id AND area.region_id = o.community_id) THEN 1 ELSE 0 END AS covered
        FROM worker w JOIN provider p ON p.id = w.provider_id
        LEFT JOIN service_order o ON o.id = ?
        WHERE w.account_id = ?`,
      [orderId, accountId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      worker: {
        id: String(row.id),
        name: String(row.name),
        online: Number(row.online) === 1,
        workingHours: sqlJson<WorkingDay[]>(row.working_hours),
        providerDispatchMode: row.provider_dispatch_mode as DispatchMode,
      },
      order:
        row.order_id === null
          ? null
          : {
              status: row.status as OrderStatus,
              dispatchMode: row.dispatch_mode as DispatchMode,
              serviceId: text(row.service_id),
              windowStartsAt: sqlInstant(row.window_starts_at),
              windowEndsAt: sqlInstant(row.window_ends_at),
              covered: Number(row.covered) === 1,
            },
    };
  }

  /** One order's view row from one plain query (the answer to a won grab; null if the order is gone). */
  async findOrderViewRow(orderId: string, manager?: EntityManager): Promise<OrderViewRow | null> {
    const rows: SqlRow[] = await plainSelect(this.dataSource, `SELECT ${ORDER_VIEW_COLUMNS} FROM service_order o ${ORDER_VIEW_JOINS} WHERE o.id = ?`, [orderId], manager);
    return rows[0] ? orderViewRowOf(rows[0]) : null;
  }

  /** The worker behind an account as their grab pool needs them (issue 17: plain columns, no entity graph); null if none. */
  async findPoolWorker(accountId: string): Promise<PoolWorker | null> {
    const rows: SqlRow[] = await plainSelect(
      this.dataSource,
      `SELECT w.id, w.online, w.open_orders, w.max_open_orders, w.working_hours, p.dispatch_mode
        FROM worker w JOIN provider p ON p.id = w.provider_id
        WHERE w.account_id = ?`,
      [accountId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: String(row.id),
      // SQLite and MySQL keep booleans as 0/1.
      online: Number(row.online) === 1,
      openOrders: Number(row.open_orders),
      maxOpenOrders: Number(row.max_open_orders),
      workingHours: sqlJson<WorkingDay[]>(row.working_hours),
      providerDispatchMode: row.dispatch_mode as DispatchMode,
    };
  }

  /**
   * Pending orders a worker could take from the pool: their skills and areas, grab-mode (or any, for grab providers),
   * soonest window first, as view rows from one plain query (issue 17: the pool is polled).
   */
  async listPoolFor(worker: PoolWorker, limit: number): Promise<OrderViewRow[]> {
    const rows: SqlRow[] = await plainSelect(
      this.dataSource,
      `SELECT ${ORDER_VIEW_COLUMNS}
        FROM service_order o
        JOIN worker_skill skill ON skill.service_id = o.service_id AND skill.worker_id = ?
        JOIN worker_area area ON area.region_id = o.community_id AND area.worker_id = ?
        ${ORDER_VIEW_JOINS}
        WHERE o.status = 'pending_dispatch' ${worker.providerDispatchMode === 'grab' ? '' : "AND o.dispatch_mode = 'grab'"}
        ORDER BY o.window_starts_at ASC, o.id ASC
        LIMIT ?`,
      [worker.id, worker.id, limit],
    );
    return rows.map((row) => orderViewRowOf(row)!);
  }

  /** Takes one of the worker's free places; false when they are at their cap (the CHECK backs this up). */
  async takeWorkerPlace(manager: EntityManager, workerId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Worker)
      .set({ openOrders: () => 'open_orders + 1' })
      .where('id = :workerId AND open_orders < max_open_orders', { workerId })
      .execute();
    return result.affected === 1;
  }

  async releaseWorkerPlace(manager: EntityManager, workerId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Worker)
      .set({ openOrders: () => 'open_orders - 1' })
      .where('id = :workerId AND open_orders > 0', { workerId })
      .execute();
  }

  async markOffered(manager: EntityManager, workerId: string, at: Date): Promise<void> {
    await manager.createQueryBuilder().update(Worker).set({ lastOfferedAt: at }).where('id = :workerId', { workerId }).execute();
  }

  async setPresence(manager: EntityManager, workerId: string, presence: Partial<Pick<Worker, 'online' | 'latitudeE6' | 'longitudeE6' | 'positionAt'>>): Promise<void> {
    await manager.createQueryBuilder().update(Worker).set(presence).where('id = :workerId', { workerId }).execute();
  }

  // ─── photos ──────────────────────────────────────────────────────────────────────────────────────────────

  /** One more photo for an order the worker holds, in service or completed, below the per-order limit. */
  async takePhotoPlace(manager: EntityManager, orderId: string, workerId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ServiceOrder)
      .set({ photoCount: () => 'photo_count + 1' })
      .where("id = :orderId AND worker_id = :workerId AND status IN ('in_service', 'completed') AND photo_count < :max", { orderId, workerId, max: MAX_PHOTOS_PER_ORDER })
      .execute();
    return result.affected === 1;
  }

  async insertPhoto(manager: EntityManager, photo: Omit<OrderPhoto, 'order'>): Promise<void> {
    await manager.getRepository(OrderPhoto).insert(photo);
  }

  findPhoto(photoId: string): Promise<OrderPhoto | null> {
    return this.dataSource.getRepository(OrderPhoto).findOne({ where: { id: photoId } });
  }

  listPhotos(orderIds: string[]): Promise<OrderPhoto[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(OrderPhoto).find({ where: { orderId: In(orderIds) }, order: { createdAt: 'ASC' } });
  }

  // ─── ratings ───────────────────────────────────────────────────────────────────────────────────────────────

  /** One rating per order (primary key); the worker's and provider's counts and sums grow in the same transaction. */
  async addRating(manager: EntityManager, rating: Omit<OrderRating, 'order'>): Promise<void> {
    await manager.getRepository(OrderRating).insert(rating);
    const add = { ratingCount: () => 'rating_count + 1', ratingSum: () => `rating_sum + ${Number(rating.score)}` };
    await manager.createQueryBuilder().update(Worker).set(add).where('id = :id', { id: rating.workerId }).execute();
    await manager.createQueryBuilder().update(Provider).set(add).where('id = :id', { id: rating.providerId }).execute();
  }

  findRatings(orderIds: string[]): Promise<OrderRating[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(OrderRating).find({ where: { orderId: In(orderIds) } });
  }

  /** Orders under the region matching any of these predicates, for the board's warning column. */
  listOverdueCandidates(regionPath: string, centreId: string | null, now: Date, limit: number): Promise<ServiceOrder[]> {
    const query = this.ordersWithDetails()
      .where('o.region_path LIKE :prefix', { prefix: `${regionPath}%` })
      .andWhere(
        new Brackets((either) => {
          either
            .where("o.status IN ('pending_dispatch', 'offered', 'escalated') AND o.window_starts_at <= :now", { now })
            .orWhere("o.status IN ('accepted', 'en_route') AND o.window_ends_at <= :now", { now });
        }),
      )
      .orderBy('o.window_starts_at', 'ASC')
      .take(limit);
    if (centreId) query.andWhere('cs.centre_id = :centreId', { centreId });
    return query.getMany();
  }
}
