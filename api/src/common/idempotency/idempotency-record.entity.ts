import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The answer given to one `Idempotency-Key` of one account: a retry with the same key and body gets the same
 * answer; the same key with another body is refused. Written in the same transaction as what it answers.
 */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecord {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 100 })
  key: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'response_body', type: 'json' })
  responseBody: object;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
