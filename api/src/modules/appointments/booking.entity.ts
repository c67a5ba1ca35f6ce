import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { BOOKING_STATUSES, type BookingStatus } from '@linli/shared';
import { Resident } from '../residents/resident.entity';
import { Slot } from './slot.entity';

/**
 * A person's seat in a slot. `activeResidentId` equals `residentId` while the booking holds a seat and is NULL
 * otherwise; the unique index on (slot, activeResidentId) lets the database refuse a second live booking of the
 * same person in the same slot (NULLs never collide), on SQLite and MySQL alike.
 */
@Entity({ name: 'booking' })
@Index('uq_booking_active_person_slot', ['slotId', 'activeResidentId'], { unique: true })
@Index('ix_booking_resident', ['residentId'])
@Index('ix_booking_centre_service', ['centreServiceId', 'status'])
export class Booking {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'slot_id', type: 'varchar', length: 36 })
  slotId: string;

  @ManyToOne(() => Slot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'fk_booking_slot' })
  slot: Relation<Slot>;

  /** Denormalised from the slot for per-service limits and staff lists. */
  @Column({ name: 'centre_service_id', type: 'varchar', length: 36 })
  centreServiceId: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId: string;

  @ManyToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'fk_booking_resident' })
  resident: Relation<Resident>;

  @Column({ name: 'active_resident_id', type: 'varchar', length: 36, nullable: true })
  activeResidentId: string | null;

  @Column({ type: 'simple-enum', enum: BOOKING_STATUSES })
  status: BookingStatus;

  /** Venue services: how many people will use the room or court. */
  @Column({ name: 'group_size', type: 'int', nullable: true })
  groupSize: number | null;

  /** The account that made the booking: the resident, a household proxy, or staff acting for them. */
  @Column({ name: 'booked_by_account_id', type: 'varchar', length: 36 })
  bookedByAccountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
