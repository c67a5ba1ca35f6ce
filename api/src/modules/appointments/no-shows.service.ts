import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@linli/shared';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { AppointmentsRepository } from './appointments.repository';
import { BookingNotices } from './booking-notices';
import { DAY_MS, SYSTEM_ACTOR } from './booking-support';
import { WaitlistService } from './waitlist.service';
import { bookingRestricted } from './appointments.errors';

const NO_SHOW_BATCH = 500;

/** No-shows: the sweep that marks them, and the pause on online booking that too many of them bring. */
@Injectable()
export class NoShowsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentsRepository,
    private readonly waitlist: WaitlistService,
    private readonly audit: AuditService,
    private readonly notices: BookingNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Marks confirmed bookings whose slot ended more than the grace period ago as no-shows, giving their seats back.
   * Safe to run in every API instance at once: each move is conditional on the booking still being confirmed, so
   * exactly one sweep moves each booking. Returns how many this call moved.
   */
  async sweepNoShows(now = new Date()): Promise<number> {
    const { noShowGraceMinutes } = this.config.appointments;
    const overdue = await this.appointments.listOverdueConfirmed(new Date(now.getTime() - noShowGraceMinutes * 60_000), NO_SHOW_BATCH);
    let moved = 0;
    for (const booking of overdue) {
      const won = await this.transactions.write(async (manager) => {
        if (!(await this.appointments.moveBooking(manager, booking.id, 'confirmed', 'no_show'))) return false;
        await this.waitlist.releaseSeat(manager, booking.slot, now);
        await this.notices.moved(manager, { bookingId: booking.id, residentId: booking.residentId, slotStartsAt: booking.slot.startsAt.toISOString() }, 'mark_no_show', now);
        await this.audit.record(manager, SYSTEM_ACTOR, {
          action: 'booking.mark_no_show',
          targetType: 'booking',
          targetId: booking.id,
          regionPath: booking.slot.centreService.centre.region.path,
          details: { from: 'confirmed', to: 'no_show' },
        });
        return true;
      });
      if (won) moved++;
    }
    return moved;
  }

  /** Too many recent no-shows pause online booking for a while; staff can still book for the person. */
  async assertNotRestricted(manager: EntityManager, residentId: string, now: Date): Promise<void> {
    const { noShowLimit, noShowWindowDays, noShowRestrictionDays } = this.config.appointments;
    const noShows = await this.appointments.listNoShowsSince(manager, residentId, new Date(now.getTime() - noShowWindowDays * DAY_MS));
    if (noShows.length < noShowLimit) return;
    const until = new Date(noShows[0].slot.startsAt.getTime() + noShowRestrictionDays * DAY_MS);
    if (until <= now) return;
    throw bookingRestricted(noShowWindowDays, noShows.length, until, shanghaiDateOf(until));
  }
}
