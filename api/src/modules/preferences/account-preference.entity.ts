import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { ElderModeChoice } from '@linli/shared';
import { Account } from '../accounts/account.entity';

/**
 * One account's mini-program settings (`account_preference`), one row per account that has saved any. A missing row
 * and a null column both mean "not chosen": the app then keeps the device's own setting. Goes with the account.
 */
/** The values of `elder_mode` (shared's ELDER_MODE_CHOICES; checked against its type here). */
export const ELDER_MODE_VALUES = ['on', 'off'] as const satisfies readonly ElderModeChoice[];

@Entity({ name: 'account_preference' })
export class AccountPreference {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_account_preference_account' })
  account: Relation<Account>;

  /** 长辈模式 chosen by hand on 我的; null follows WeChat's font size. */
  @Column({ name: 'elder_mode', type: 'simple-enum', enum: ELDER_MODE_VALUES, nullable: true })
  elderMode: ElderModeChoice | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
