import { availableBookingEvents, canCancel, shanghaiDateOf, shanghaiTimeOf, type BookingView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import type { Booking } from './booking.entity';
import { policyOf } from './schedule.service';

/** A booking (loaded with slot, offering, centre, service and person) as the caller sees it, with their actions. */
export function toBookingView(booking: Booking, auth: AuthContext, now = new Date()): BookingView {
  const { slot } = booking;
  const offering = slot.centreService;
  const asResident = auth.role === 'resident';
  const actions = availableBookingEvents(booking.status, asResident ? 'resident' : 'staff').filter(
    (event) => !(asResident && event === 'cancel' && !canCancel(slot.startsAt, now, policyOf(offering))),
  );
  return {
    id: booking.id,
    status: booking.status,
    service: { id: offering.service.id, name: offering.service.name, mode: offering.service.mode },
    centre: { id: offering.centre.id, name: offering.centre.name, address: offering.centre.address },
    date: shanghaiDateOf(slot.startsAt),
    start: shanghaiTimeOf(slot.startsAt),
    end: shanghaiTimeOf(slot.endsAt),
    startsAt: slot.startsAt.toISOString(),
    person: { id: booking.resident.id, name: booking.resident.name },
    groupSize: booking.groupSize,
    bookedFor: !asResident ? 'staff' : booking.residentId === auth.residentId ? 'self' : 'household',
    actions,
    createdAt: booking.createdAt.toISOString(),
  };
}
