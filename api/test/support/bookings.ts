import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@linli/shared';
import { Booking } from '../../src/modules/appointments/booking.entity';
import { CheckInCodes } from '../../src/modules/appointments/check-in-codes';
import { Slot } from '../../src/modules/appointments/slot.entity';
import { stableId } from '../../src/seed/stable-id';
import type { TestApp } from './test-app';

/**
 * A confirmed booking in a slot that started a moment ago at 安大社区's centre, written straight to the database.
 * Check-in is only possible on the day itself, and whether the opening hours still offer a slot today depends on
 * the clock when the suite runs; this fixture keeps those tests independent of the time of day.
 */
/** Whole seconds when this test file started; every inserted slot starts a different second before it. */
const BASE = Math.floor(Date.now() / 1000) * 1000;
let inserted = 0;

export function insertBookingHappeningNow(t: TestApp, residentId: string, serviceCode = 'social_insurance'): Promise<string> {
  // A second apart from each other (slot start times are unique per offering), all within the last minutes.
  return insertConfirmedBooking(t, residentId, new Date(BASE - 1000 * ++inserted), serviceCode);
}

/** A confirmed booking, with its short code, in a slot starting at `startsAt` (in the past, say), written straight to the database. */
export async function insertConfirmedBooking(t: TestApp, residentId: string, startsAt: Date, serviceCode = 'social_insurance'): Promise<string> {
  const slotId = randomUUID();
  const bookingId = randomUUID();
  const centreServiceId = stableId('centre-service', `C340104001001:${serviceCode}`);
  await t.transactions.write(async (manager) => {
    await manager.getRepository(Slot).insert({ id: slotId, centreServiceId, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), capacity: 1, booked: 1 });
    await manager
      .getRepository(Booking)
      .insert({ id: bookingId, slotId, centreServiceId, residentId, activeResidentId: residentId, status: 'confirmed', bookedByAccountId: stableId('account', 'staff-anda') });
    await t.app.get(CheckInCodes).assign(manager, { id: bookingId, centreId: stableId('centre', 'C340104001001'), serviceDate: shanghaiDateOf(startsAt) });
  });
  return bookingId;
}
