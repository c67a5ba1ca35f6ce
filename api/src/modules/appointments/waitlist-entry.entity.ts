import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Resident } from '../residents/resident.entity';
import { Slot } from './slot.entity';

export type WaitlistStatus = 'waiting' | 'promoted' | 'left';

/**
 * A person waiting for a seat in a full slot. The first waiting entry (by time joined) is promoted to a booking
 * inside the same transaction that frees a seat. `activeResidentId` works like the booking's: one live entry per
 * person and slot, enforced by a unique index.
 */
@Entity({ name: 'waitlist_entry' })
@Index('uq_waitlist_active_person_slot', ['slotId', 'activeResidentId'], { unique: true })
@Index('ix_waitlist_slot_queue', ['slotId', 'status', 'joinedAt'])
@Index('ix_waitlist_resident', ['residentId'])
export class WaitlistEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'slot_id', type: 'varchar', length: 36 })
  slotId: string;

  @ManyToOne(() => Slot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'fk_waitlist_slot' })
  slot: Relation<Slot>;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @ManyToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_waitlist_resident' })
  resident: Relation<Resident>;

  @Column({ name: 'active_resident_id', type: 'varchar', length: 36, nullable: true })
  activeResidentId: string | null;

  @Column({ type: 'simple-enum', enum: ['waiting', 'promoted', 'left'] })
  status: WaitlistStatus;

  /** Venue services: how many people, carried over to the booking on promotion. */
  @Column({ name: 'group_size', type: 'int', nullable: true })
  groupSize: number | null;

  @Column({ name: 'joined_by_account_id', type: 'varchar', length: 36 })
  joinedByAccountId: string;

  @Column({ name: 'joined_at', type: 'datetime', precision: 3 })
  joinedAt: Date;

  /** The booking made when this entry was promoted. */
  @Column({ name: 'booking_id', type: 'varchar', length: 36, nullable: true })
  bookingId: string | null;
}
