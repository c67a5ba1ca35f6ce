import { Injectable } from '@nestjs/common';
import { shanghaiDateOf, type BookingView, type CheckInCode } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { AppointmentsRepository } from './appointments.repository';
import { BookingSupport } from './booking-support';
import { BookingsService } from './bookings.service';
import { CheckInCodes } from './check-in-codes';
import { noCheckInCode, wrongCentre, wrongDay } from './appointments.errors';

/** Checking in at the desk: the codes a resident shows, and staff turning one into a checked-in booking. */
@Injectable()
export class CheckInService {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly support: BookingSupport,
    private readonly bookings: BookingsService,
    private readonly checkInCodes: CheckInCodes,
  ) {}

  /** The codes behind the booking's QR and its six digits, for a confirmed booking; they stop working 30 minutes after the slot ends. */
  async checkInCode(auth: AuthContext, bookingId: string): Promise<CheckInCode> {
    const booking = await this.support.accessible(auth, bookingId);
    if (booking.status !== 'confirmed') throw noCheckInCode(booking.status);
    return this.checkInCodes.issue(booking);
  }

  /**
   * Staff scan a booking's QR, or type its six digits, at the desk of a centre in their scope: right centre, right
   * day, then checked in.
   */
  async checkInByCode(auth: AuthContext, code: string, centreId: string): Promise<BookingView> {
    const centre = await this.appointments.findCentreWithRegion(centreId);
    assertRegionInScope(auth, centre?.region.path, '该市民中心');
    const booking = await this.support.accessible(auth, await this.checkInCodes.resolve(auth, centre!, code));
    const offering = booking.slot.centreService;
    if (offering.centreId !== centreId) throw wrongCentre(offering.centre.name);
    const date = shanghaiDateOf(booking.slot.startsAt);
    if (date !== shanghaiDateOf(new Date())) throw wrongDay(date);
    return this.bookings.move(auth, booking, 'check_in');
  }
}
