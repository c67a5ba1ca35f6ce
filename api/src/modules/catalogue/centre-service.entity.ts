import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Centre } from '../regions/centre.entity';
import { CommunityService } from './community-service.entity';

/** A service as one citizen centre offers it: switched on or off by staff of the centre's region, with a note. */
@Entity({ name: 'centre_service' })
@Index('uq_centre_service_pair', ['centreId', 'serviceId'], { unique: true })
@Index('ix_centre_service_service', ['serviceId'])
export class CentreService {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'centre_id', type: 'varchar', length: 36 })
  centreId: string;

  @ManyToOne(() => Centre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'fk_centre_service_centre' })
  centre: Relation<Centre>;

  @Column({ name: 'service_id', type: 'varchar', length: 36 })
  serviceId: string;

  @ManyToOne(() => CommunityService, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'fk_centre_service_service' })
  service: Relation<CommunityService>;

  @Column({ type: 'boolean' })
  enabled: boolean;

  /** How many calendar days ahead residents may book, today included. */
  @Column({ name: 'booking_window_days', type: 'int', default: 14 })
  bookingWindowDays: number;

  /** A slot must start at least this long after the moment of booking. */
  @Column({ name: 'min_notice_minutes', type: 'int', default: 120 })
  minNoticeMinutes: number;

  /** Residents may cancel until this long before the start. */
  @Column({ name: 'cancel_cutoff_minutes', type: 'int', default: 120 })
  cancelCutoffMinutes: number;

  /**
   * Bumped by every write that changes the slots the rules generate for this offering — weekly hours and seats,
   * policy, a date exception, and (for every offering) the holiday calendar — in the write's own transaction. The
   * slot list's per-instance cache of generated slots is keyed by it, so a change shows at once on every instance
   * (docs/decisions/0019). Never read as a time: only compared for equality.
   */
  @Column({ name: 'schedule_version', type: 'int', default: 0 })
  scheduleVersion: number;

  /** The centre's own word to residents, e.g. "请携带老年优待证". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  notes: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
