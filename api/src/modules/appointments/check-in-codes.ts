import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SHORT_CHECK_IN_CODE, shanghaiDateOf, type CheckInCode } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { issueCheckInCode, verifyCheckInCode } from '../../common/security/signed-reference';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isDuplicateKey } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import type { Centre } from '../regions';
import { AppointmentsRepository } from './appointments.repository';
import type { Booking } from './booking.entity';
import { checkInCodeInvalid, tooManyWrongCodes } from './appointments.errors';

/** A check-in code keeps working this long after its slot ends (late arrivals, a slow queue). */
const CHECK_IN_GRACE_MS = 30 * 60 * 1000;
/**
 * Draws before giving up. 900 000 codes per centre and day against a few hundred bookings: a second draw is already
 * rare, a tenth never happens unless something is wrong.
 */
const MAX_DRAWS = 10;
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
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A random code from 100000 to 999999: no leading zero for a number field or a listener to drop. */
  draw(): string {
    return String(randomInt(100_000, 1_000_000));
  }

  /**
   * Gives a booking its short code for `serviceDate` inside the caller's transaction (a new booking, a promotion from
   * the waitlist, a move to another day). A booking moving to another day keeps its code if that day has it free.
   * The unique index decides: a code another booking took (even a moment ago, in another transaction) is drawn again.
   */
  async assign(manager: EntityManager, booking: { id: string; centreId: string; serviceDate: string }): Promise<void> {
    const current = await this.appointments.findShortCode(booking.id, manager);
    if (current?.serviceDate === booking.serviceDate) return;
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      const code = draw === 0 && current ? current.code : this.draw();
      try {
        if (current) await this.appointments.moveShortCode(manager, booking.id, booking.serviceDate, code);
        else await this.appointments.insertShortCode(manager, { bookingId: booking.id, centreId: booking.centreId, serviceDate: booking.serviceDate, code });
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error(`no free short check-in code after ${MAX_DRAWS} draws`);
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
    await this.assertNotThrottled(auth, centre.id, now);
    const code = typed.replace(/\s+/g, '');
    const isShort = SHORT_CHECK_IN_CODE.test(code);
    const bookingId = isShort
      ? await this.appointments.findBookingIdByShortCode(centre.id, shanghaiDateOf(now), code)
      : verifyCheckInCode(this.config.secrets.jwtSecret, code, now);
    if (bookingId) return bookingId;
    await this.transactions.write((manager) =>
      this.audit.record(manager, auth, {
        action: WRONG_CODE_ACTION,
        targetType: 'centre',
        targetId: centre.id,
        regionPath: centre.region.path,
        details: { kind: isShort ? 'short' : 'signed' },
      }),
    );
    throw checkInCodeInvalid();
  }

  private async assertNotThrottled(auth: AuthContext, centreId: string, now: Date): Promise<void> {
    const { checkInMaxWrongCodes: limit, checkInWrongCodeWindowSeconds: windowSeconds } = this.config.appointments;
    const windowMs = windowSeconds * 1000;
    const wrong = await this.appointments.listActionTimesAtCentre(auth.accountId, centreId, WRONG_CODE_ACTION, new Date(now.getTime() - windowMs));
    if (wrong.length < limit) return;
    // Allowed again once enough of the wrong codes have left the window to bring them under the limit.
    const retryAfterSeconds = Math.max(1, Math.ceil((wrong[wrong.length - limit].getTime() + windowMs - now.getTime()) / 1000));
    throw tooManyWrongCodes(retryAfterSeconds);
  }
}
