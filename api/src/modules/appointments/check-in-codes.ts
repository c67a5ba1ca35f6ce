import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SHORT_CHECK_IN_CODE, shanghaiDateOf, type CheckInCode } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { drawShortCode, storeUniqueShortCode } from '../../common/security/short-codes';
import { issueCheckInCode, verifyCheckInCode } from '../../common/security/signed-reference';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { WrongCodeThrottle, type CodeDesk } from '../audit';
import type { Centre } from '../regions';
import { AppointmentsRepository } from './appointments.repository';
import type { Booking } from './booking.entity';
import { checkInCodeInvalid, tooManyWrongCodes } from './appointments.errors';

/** A check-in code keeps working this long after its slot ends (late arrivals, a slow queue). */
const CHECK_IN_GRACE_MS = 30 * 60 * 1000;
const WRONG_CODE_ACTION = 'booking.check_in_code_refused';

/**
 * The two codes a booking is checked in with: the signed QR (scanned, proves the booking by itself) and six digits a
 * person can read out (unique per centre and day, so they name a booking only at that desk on that day). Wrong codes
 * are audited against the centre, and too many from one staff account at one centre answer 429 for a while: six
 * digits can be guessed where a signature cannot.
 */
@Injectable()
export class CheckInCodes {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly wrongCodes: WrongCodeThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A fresh six-digit code (one method, so a test can hand out a taken code and see it drawn again). */
  draw(): string {
    return drawShortCode();
  }

  /**
   * Gives a booking its short code for `serviceDate` inside the caller's transaction (a new booking, a promotion from
   * the waitlist, a move to another day). A booking moving to another day keeps its code if that day has it free.
   * The unique index decides: a code another booking took (even a moment ago, in another transaction) is drawn again.
   */
  async assign(manager: EntityManager, booking: { id: string; centreId: string; serviceDate: string }): Promise<void> {
    const current = await this.appointments.findShortCode(booking.id, manager);
    if (current?.serviceDate === booking.serviceDate) return;
    await storeUniqueShortCode('short check-in code', async (draw) => {
      const code = draw === 0 && current ? current.code : this.draw();
      if (current) await this.appointments.moveShortCode(manager, booking.id, booking.serviceDate, code);
      else await this.appointments.insertShortCode(manager, { bookingId: booking.id, centreId: booking.centreId, serviceDate: booking.serviceDate, code });
    });
  }

  /** Both codes of a booking; they stop working 30 minutes after its slot ends. */
  async issue(booking: Booking): Promise<CheckInCode> {
    const expiresAt = new Date(booking.slot.endsAt.getTime() + CHECK_IN_GRACE_MS);
    const shortCode = await this.appointments.findShortCode(booking.id);
    return { code: issueCheckInCode(this.config.secrets.jwtSecret, booking.id, expiresAt), shortCode: shortCode?.code ?? null, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The booking a code typed or scanned at `centre`'s desk names: six digits name a booking of that centre today, a
   * signed code names its booking wherever it is (the caller then checks centre and day). A wrong code is audited
   * and answers the same whatever bookings exist; after too many, every code is refused until the window frees up,
   * so the 429 says nothing about whether the next guess would have been right.
   */
  async resolve(auth: AuthContext, centre: Centre, typed: string, now = new Date()): Promise<string> {
    const desk: CodeDesk = { targetType: 'centre', id: centre.id, regionPath: centre.region.path };
    await this.wrongCodes.assertOpen(auth, desk, WRONG_CODE_ACTION, tooManyWrongCodes, now);
    const code = typed.replace(/\s+/g, '');
    const isShort = SHORT_CHECK_IN_CODE.test(code);
    const bookingId = isShort
      ? await this.appointments.findBookingIdByShortCode(centre.id, shanghaiDateOf(now), code)
      : verifyCheckInCode(this.config.secrets.jwtSecret, code, now);
    if (bookingId) return bookingId;
    await this.wrongCodes.record(auth, desk, WRONG_CODE_ACTION, isShort ? 'short' : 'signed');
    throw checkInCodeInvalid();
  }
}
