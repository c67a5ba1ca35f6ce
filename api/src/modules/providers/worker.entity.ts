import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { Provider } from './provider.entity';

/** A provider's worker; `accountId` is set once they bind their WeChat with an invitation code. */
@Entity({ name: 'worker' })
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

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
