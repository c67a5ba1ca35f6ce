import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Region } from '../regions/region.entity';
import { Resident } from '../residents/resident.entity';

/**
 * What staff record about an elder for meal subsidies beyond the person record: the district of the household
 * registration (户籍), which decides whether "registered only" rules apply. Birth date and residence come from the
 * person record; hardships are rows of their own (HardshipRecord) because each has its own validity period.
 */
@Entity({ name: 'meal_profile' })
@Index('ix_meal_profile_registered_district', ['registeredDistrictId'])
export class MealProfile {
  @PrimaryColumn({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @OneToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_meal_profile_resident' })
  resident: Relation<Resident>;

  /** A region of level `district`; null while unknown (then only rules open to residents can apply). */
  @Column({ name: 'registered_district_id', type: 'varchar', length: 36, nullable: true })
  registeredDistrictId: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_district_id', foreignKeyConstraintName: 'fk_meal_profile_registered_district' })
  registeredDistrict: Relation<Region> | null;

  @Column({ name: 'updated_by_account_id', type: 'varchar', length: 36 })
  updatedByAccountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
