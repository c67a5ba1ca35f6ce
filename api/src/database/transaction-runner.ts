import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** MySQL/MariaDB errors that mean "your transaction lost a race; the same work may succeed if retried". */
const RETRYABLE_MYSQL_ERRORS = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 3;

/**
 * The one way writes reach the database.
 *
 * SQLite through TypeORM has a single connection for writes (reads have their own: open-data-source.ts): two
 * concurrent transactions that await I/O nest as SAVEPOINTs and one request's rollback silently undoes the other's.
 * So on SQLite write transactions run one at a time in arrival order. On MySQL/MariaDB they run concurrently and a deadlock victim is retried.
 */
@Injectable()
export class TransactionRunner {
  private queueTail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'better-sqlite3') return this.serialised(() => this.dataSource.transaction(work));
    return this.withDeadlockRetry(() => this.dataSource.transaction(work));
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queueTail.then(task);
    // The queue continues whether this task succeeds or fails; the caller still sees its own outcome.
    this.queueTail = result.catch(() => undefined);
    return result;
  }

  private async withDeadlockRetry<T>(task: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await task();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE_MYSQL_ERRORS.has(code)) throw error;
      }
    }
  }
}
