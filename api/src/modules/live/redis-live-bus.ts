import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource, type EntitySubscriberInterface, type InsertEvent, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OutboxMessage } from '../outbox';
import type { LiveOrderEvent } from './live-events';
import { LiveHub } from './live-hub';
import { LiveRepository, type OutboxRow } from './live.repository';

const CHANNEL = 'linli:live';

/**
 * Fan-out through Redis pub/sub when REDIS_URL is set: the instance that writes an order message publishes its live
 * event once its transaction has committed (a TypeORM subscriber sees the outbox insert and the commit), and every
 * instance, itself included, pushes what it receives to its own sockets. No database reads on the receivers. A
 * message published while Redis is down is not pushed; the clients' slower polling covers it.
 */
@Injectable()
export class RedisLiveBus implements EntitySubscriberInterface<OutboxMessage>, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RedisLiveBus.name);
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private readonly pending = new WeakMap<QueryRunner, OutboxRow[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveRepository,
    private readonly hub: LiveHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const url = this.config.live.redisUrl;
    if (!url) return;
    this.publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.subscriber = new Redis(url, { lazyConnect: true });
    for (const client of [this.publisher, this.subscriber]) client.on('error', (error: Error) => this.logger.warn(`redis: ${error.message}`));
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    this.subscriber.on('message', (_channel: string, text: string) => this.hub.publish(JSON.parse(text) as LiveOrderEvent[]));
    await this.subscriber.subscribe(CHANNEL);
    this.dataSource.subscribers.push(this);
  }

  async onModuleDestroy(): Promise<void> {
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
    for (const client of [this.publisher, this.subscriber]) await client?.quit().catch(() => undefined);
  }

  listenTo(): typeof OutboxMessage {
    return OutboxMessage;
  }

  afterInsert(event: InsertEvent<OutboxMessage>): void {
    const message = event.entity;
    if (!message?.topic?.startsWith('order.')) return;
    const row: OutboxRow = { id: message.id, topic: message.topic, payload: message.payload, createdAt: message.createdAt };
    if (!event.queryRunner.isTransactionActive) return void this.publishRows([row]);
    const rows = this.pending.get(event.queryRunner) ?? [];
    rows.push(row);
    this.pending.set(event.queryRunner, rows);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const rows = this.pending.get(event.queryRunner);
    // A released savepoint is not a commit: wait for the outermost one.
    if (!rows || event.queryRunner.isTransactionActive) return;
    this.pending.delete(event.queryRunner);
    void this.publishRows(rows);
  }

  /** Any rollback (a savepoint's too) drops what the transaction wrote: never push a change that may not exist. */
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.queryRunner);
  }

  private async publishRows(rows: OutboxRow[]): Promise<void> {
    try {
      const events = await this.live.toLiveEvents(rows);
      if (events.length) await this.publisher?.publish(CHANNEL, JSON.stringify(events));
    } catch (error) {
      this.logger.warn(`live event not published: ${(error as Error).message}`);
    }
  }
}
