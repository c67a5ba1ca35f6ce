import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrderStatus } from '@linli/shared';
import { OutboxMessage } from '../outbox';
import type { LiveOrderEvent } from './live-events';
import { plainSelect } from '../../database/plain-select';

/** An outbox row as the live module reads it: only what decides who hears it. */
export interface OutboxRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface OutboxCursor {
  at: Date;
  id: string;
}

/**
 * The live module's reads. It follows the outbox by its own cursor (created_at, id), independent of the relay's
 * delivery state, and reads the order's region and the offer's expiry once per batch; a socket's own identity
 * (its worker) is read once when it signs in.
 */
@Injectable()
export class LiveRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Order messages after `after` in (created_at, id) order. */
  async listOrderMessagesAfter(after: OutboxCursor, limit: number): Promise<OutboxRow[]> {
    const rows = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select(['m.id', 'm.topic', 'm.payload', 'm.createdAt'])
      .where('(m.created_at > :at OR (m.created_at = :at AND m.id > :id))', { at: after.at, id: after.id })
      .andWhere("m.topic LIKE 'order.%'")
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .take(limit)
      .getMany();
    return rows.map((row) => ({ id: row.id, topic: row.topic, payload: row.payload, createdAt: row.createdAt }));
  }

  /** The latest outbox row's key: a new follower starts after it (sockets hear changes from now on). */
  async latestCursor(): Promise<OutboxCursor> {
    const row = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select(['m.id', 'm.createdAt'])
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(1)
      .getOne();
    return row ? { at: row.createdAt, id: row.id } : { at: new Date(0), id: '' };
  }

  /** Order messages turned into live events: two reads per batch (regions; open offers of `offer` events). */
  async toLiveEvents(rows: OutboxRow[]): Promise<LiveOrderEvent[]> {
    const orderRows = rows.filter((row) => row.topic.startsWith('order.') && typeof row.payload.orderId === 'string');
    if (orderRows.length === 0) return [];
    const orderIds = [...new Set(orderRows.map((row) => row.payload.orderId as string))];
    const regions = await this.dataSource
      .createQueryBuilder()
      .select(['o.id AS id', 'o.region_path AS regionPath'])
      .from('service_order', 'o')
      .where('o.id IN (:...orderIds)', { orderIds })
      .getRawMany<{ id: string; regionPath: string }>();
    const regionOf = new Map(regions.map((row) => [row.id, row.regionPath]));
    const offerOrders = [...new Set(orderRows.filter((row) => row.topic === 'order.offer').map((row) => row.payload.orderId as string))];
    const offers = offerOrders.length
      ? await this.dataSource
          .createQueryBuilder()
          .select(['f.id AS id', 'f.order_id AS orderId', 'f.worker_id AS workerId', 'f.expires_at AS expiresAt'])
          .from('dispatch_offer', 'f')
          .where('f.order_id IN (:...offerOrders)', { offerOrders })
          .getRawMany<{ id: string; orderId: string; workerId: string; expiresAt: Date | string }>()
      : [];
    const offerOf = new Map(offers.map((offer) => [`${offer.orderId}/${offer.workerId}`, offer]));
    return orderRows.map((row) => {
      const payload = row.payload as { orderId: string; status: OrderStatus; residentId?: string | null; workerId?: string | null; regionPath?: string };
      const workerId = payload.workerId ?? null;
      const offer = row.topic === 'order.offer' && workerId ? offerOf.get(`${payload.orderId}/${workerId}`) : undefined;
      return {
        messageId: row.id,
        event: row.topic.slice('order.'.length),
        orderId: payload.orderId,
        status: payload.status,
        residentId: payload.residentId ?? null,
        workerId,
        regionPath: regionOf.get(payload.orderId) ?? payload.regionPath ?? null,
        offer: offer ? { offerId: offer.id, expiresAt: asDate(offer.expiresAt).toISOString() } : null,
      };
    });
  }

  /**
   * Of these signed-in sockets' sessions, the ones still live: the session (refresh-token family) has an unrevoked
   * row, its account is active and its provider, if any, not suspended — the HTTP guard's decision, asked for every
   * socket of this instance at once (one query per 500 sessions). Answers `<sessionId> <accountId>` keys.
   */
  async liveSessionsAmong(sessions: ReadonlyArray<{ sessionId: string; accountId: string }>): Promise<Set<string>> {
    const live = new Set<string>();
    const families = [...new Set(sessions.map((session) => session.sessionId))];
    for (let start = 0; start < families.length; start += 500) {
      const chunk = families.slice(start, start + 500);
      const rows = await plainSelect<{ familyId: string; accountId: string }>(
        this.dataSource,
        `SELECT DISTINCT t.family_id AS familyId, t.account_id AS accountId
           FROM refresh_token t
           JOIN account a ON a.id = t.account_id
           LEFT JOIN provider p ON p.id = a.provider_id
          WHERE t.family_id IN (${chunk.map(() => '?').join(', ')}) AND t.revoked_at IS NULL AND a.status = 'active' AND (p.id IS NULL OR p.status = 'active')`,
        chunk,
      );
      for (const row of rows) live.add(`${row.familyId} ${row.accountId}`);
    }
    return live;
  }

  /** The worker record of a worker account (null for every other account). */
  async workerIdOfAccount(accountId: string): Promise<string | null> {
    const row = await this.dataSource.createQueryBuilder().select('w.id', 'id').from('worker', 'w').where('w.account_id = :accountId', { accountId }).getRawOne<{ id: string }>();
    return row?.id ?? null;
  }
}

/** SQLite answers raw datetimes as text (UTC, without a zone), MySQL as Date. */
function asDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
