import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isDuplicateKey } from '../../database/sql';
import { DomainError } from '../errors/domain-error';
import { IdempotencyRecord } from './idempotency-record.entity';

/** One caller's `Idempotency-Key`: keys are per account, so two people can never collide. */
export interface IdempotencyKey {
  accountId: string;
  key: string;
}

/** Called by the work inside its transaction, first, with what a replay needs to find the answer again. */
export type Remember<Reference extends object> = (manager: EntityManager, reference: Reference) => Promise<void>;

/**
 * Idempotent creation for any module (bookings, home orders, meal orders): a retry with the same key and the same
 * request gets the first answer, even after a lost response or while the first attempt is still running; the same
 * key with another request is refused. Failed attempts are not remembered, so they can be retried.
 *
 * The record is the first row the work's transaction writes: of two concurrent requests with one key, the second
 * waits on the unique key, finds it taken when the first commits, and answers with the first one's result.
 */
@Injectable()
export class Idempotency {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` unless this key already answered this request. `scope` names the kind of request (a key reused for
   * another kind is a different request); `input` is what makes two requests the same. `replay` turns the remembered
   * reference back into the answer (null when what it points at is gone).
   */
  async run<Reference extends object, Result>(
    key: IdempotencyKey | null,
    scope: string,
    input: unknown,
    work: (remember: Remember<Reference>) => Promise<Result>,
    replay: (reference: Reference) => Promise<Result | null>,
  ): Promise<Result> {
    if (!key) return work(() => Promise.resolve());
    const requestHash = createHash('sha256')
      .update(JSON.stringify([scope, input]))
      .digest('hex');
    const earlier = await this.replayed(key, requestHash, replay);
    if (earlier !== null) return earlier;
    try {
      return await work((manager, reference) => this.insertRecord(manager, { ...key, requestHash, responseBody: reference }));
    } catch (error) {
      // Two requests with the same key at once: the loser answers with the winner's result.
      if (isDuplicateKey(error)) {
        const winner = await this.replayed(key, requestHash, replay);
        if (winner !== null) return winner;
      }
      throw error;
    }
  }

  private async replayed<Reference extends object, Result>(
    key: IdempotencyKey,
    requestHash: string,
    replay: (reference: Reference) => Promise<Result | null>,
  ): Promise<Result | null> {
    const record = await this.findRecord(key);
    if (!record) return null;
    if (record.requestHash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', '该请求编号已用于另一项请求', { idempotencyKey: key.key });
    return replay(record.responseBody as Reference);
  }

  private findRecord(key: IdempotencyKey): Promise<IdempotencyRecord | null> {
    return this.dataSource.getRepository(IdempotencyRecord).findOne({ where: { accountId: key.accountId, key: key.key } });
  }

  private async insertRecord(manager: EntityManager, record: Omit<IdempotencyRecord, 'createdAt'>): Promise<void> {
    await manager.getRepository(IdempotencyRecord).insert(record);
  }
}
