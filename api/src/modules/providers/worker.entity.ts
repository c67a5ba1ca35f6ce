import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { WorkingDay } from '@linli/shared';
import { Account } from '../accounts/account.entity';
import { Provider } from './provider.entity';

/**
 * A provider's worker; `accountId` is set once they bind their WeChat with an invitation code. `openOrders` counts
 * the orders they hold (accepted, en route, in service); the CHECK keeps it within `maxOpenOrders`, so two accepts
 * racing for a worker's last free place cannot both succeed.
 */
@Entity({ name: 'worker' })
@Check('ck_worker_open_orders', 'open_orders >= 0 AND open_orders <= max_open_orders')
@Check('ck_worker_rating', 'rating_count >= 0 AND rating_sum >= rating_count AND rating_sum <= 5 * rating_count')
@Index('ix_worker_provider', ['providerId'])
@Index('uq_worker_account', ['accountId'], { unique: true })
export class Worker {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 36 })
  providerId: string;

  @ManyToOne(() => Provider, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_worker_provider' })
  provider: Relation<Provider>;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'phone_cipher', type: 'varchar', length: 200 })
  phoneCipher: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36, nullable: true })
  accountId: string | null;

  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_worker_account' })
  account: Relation<Account> | null;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  /** Last known position (GCJ-02 × 10⁶), sent by the mini program while online. */
  @Column({ name: 'latitude_e6', type: 'int', nullable: true })
  latitudeE6: number | null;

  @Column({ name: 'longitude_e6', type: 'int', nullable: true })
  longitudeE6: number | null;

  @Column({ name: 'position_at', type: 'datetime', precision: 3, nullable: true })
  positionAt: Date | null;

  /** Weekly hours (Asia/Shanghai); an empty list means never available to the dispatcher. */
  @Column({ name: 'working_hours', type: 'json' })
  workingHours: WorkingDay[];

  @Column({ name: 'max_open_orders', type: 'int', default: 3 })
  maxOpenOrders: number;

  @Column({ name: 'open_orders', type: 'int', default: 0 })
  openOrders: number;

  @Column({ name: 'last_offered_at', type: 'datetime', precision: 3, nullable: true })
  lastOfferedAt: Date | null;

  /** Ratings as count and sum (the average is sum / count), never a running average. */
  @Column({ name: 'rating_count', type: 'int', default: 0 })
  ratingCount: number;

  @Column({ name: 'rating_sum', type: 'int', default: 0 })
  ratingSum: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
