import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { MealDeliverySubsidy, MealSubsidyAmount, MealSubsidyCaps, MealSubsidyEligibility, MealSubsidyRule } from '@linli/shared';
import { Region } from '../regions/region.entity';

/**
 * One version of a district's subsidy scheme: a MealSubsidyRule row by row, with the nested parts (eligibility,
 * amount, caps …) as JSON text, which both dialects store alike and which round-trips the shared type exactly.
 * A version is never edited once in force; a newer version only closes its window (effectiveTo). A version withdrawn
 * before it came into force keeps its row (`withdrawnAt`), so its version number is never reused.
 */
@Entity({ name: 'meal_subsidy_rule' })
@Index('uq_meal_subsidy_rule_scheme_version', ['schemeId', 'version'], { unique: true })
@Index('ix_meal_subsidy_rule_district', ['districtId', 'effectiveFrom'])
export class MealSubsidyRuleRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'scheme_id', type: 'varchar', length: 36 })
  schemeId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'district_id', type: 'varchar', length: 36 })
  districtId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_meal_subsidy_rule_district' })
  district: Relation<Region>;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'effective_from', type: 'varchar', length: 10 })
  effectiveFrom: string;

  @Column({ name: 'effective_to', type: 'varchar', length: 10, nullable: true })
  effectiveTo: string | null;

  @Column({ name: 'meal_kinds', type: 'simple-json' })
  mealKinds: MealSubsidyRule['mealKinds'];

  @Column({ type: 'simple-json' })
  eligibility: MealSubsidyEligibility;

  @Column({ type: 'simple-json', nullable: true })
  amount: MealSubsidyAmount | null;

  @Column({ name: 'special_diet_extra', type: 'simple-json', nullable: true })
  specialDietExtra: MealSubsidyRule['specialDietExtra'];

  @Column({ type: 'simple-json', nullable: true })
  delivery: MealDeliverySubsidy | null;

  @Column({ type: 'simple-json' })
  caps: MealSubsidyCaps;

  @Column({ name: 'cap_group_id', type: 'varchar', length: 36 })
  capGroupId: string;

  @Column({ type: 'boolean' })
  stacks: boolean;

  @Column({ name: 'created_by_account_id', type: 'varchar', length: 36 })
  createdByAccountId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true })
  withdrawnAt: Date | null;
}
