import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Centre } from '../regions/centre.entity';
import { Booking } from './booking.entity';

/**
 * The six digits a resident can read out at the desk when the QR cannot be scanned. The unique index makes a code
 * name one booking per centre and Shanghai date, so staff typing it at their centre's desk on the day find exactly
 * that booking. A booking keeps its code when it is cancelled (codes are never handed out twice for one centre and
 * day, so an old screen cannot check in someone else); rescheduling to another day moves the code with it, or gives
 * a new one when that day already uses it.
 */
@Entity({ name: 'booking_short_code' })
@Index('uq_booking_short_code_centre_day', ['centreId', 'serviceDate', 'code'], { unique: true })
export class BookingShortCode {
  @PrimaryColumn({ name: 'booking_id', type: 'varchar', length: 36 })
  bookingId: string;

  @ManyToOne(() => Booking, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'fk_booking_short_code_booking' })
  booking: Relation<Booking>;

  @Column({ name: 'centre_id', type: 'varchar', length: 36 })
  centreId: string;

  @ManyToOne(() => Centre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'fk_booking_short_code_centre' })
  centre: Relation<Centre>;

  /** The Shanghai date of the booking's slot, `YYYY-MM-DD`. */
  @Column({ name: 'service_date', type: 'varchar', length: 10 })
  serviceDate: string;

  @Column({ type: 'varchar', length: 6 })
  code: string;
}
