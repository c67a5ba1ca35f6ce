import { useCallback, useMemo, useState } from 'react';
import { groupResidentBookings } from '@linli/shared';

import type { BookingView, ResidentBookingGroups, SlotAvailability, WaitlistEntryView } from '@linli/shared';

import { bookingErrorMessage } from '../texts/booking-messages';
import { cancelBooking, fetchMyBookings, fetchMyWaitlist, leaveWaitlist, rescheduleBooking } from '../services/bookings';
import { useActions } from './useActions';
import { useRemoteData } from './useRemoteData';

import type { ActionState } from './useActions';
import type { RemoteDataHandle } from './useRemoteData';

export interface MyBookings {
  bookings: BookingView[];
  waitlist: WaitlistEntryView[];
}

/** Which inline panel of a booking card is open. */
export type CardPanel = 'cancel' | 'reschedule' | 'check-in-code';

export interface MyBookingsHandle extends RemoteDataHandle<MyBookings> {
  /** Still to come, soonest first; over; called off (see groupResidentBookings). */
  groups: ResidentBookingGroups<BookingView>;
  /** Places still waitlistShown, and those that became a booking (shown as 候补成功); places left are dropped. */
  waitlistShown: WaitlistEntryView[];
  panels: Record<string, CardPanel | undefined>;
  /** Opens one panel of a card (closing its other one), or closes it with undefined. */
  setPanel: (bookingId: string, panel: CardPanel | undefined) => void;
  /** The last request from a card (or a waitlist row), by booking or waitlist id. */
  requestOf: (id: string) => ActionState;
  cancel: (booking: BookingView) => void;
  reschedule: (booking: BookingView, slot: SlotAvailability) => void;
  leave: (entry: WaitlistEntryView) => void;
}

async function loadMine(): Promise<MyBookings> {
  const [bookings, waitlist] = await Promise.all([fetchMyBookings(), fetchMyWaitlist()]);
  return { bookings, waitlist };
}

/** The 订单 tab: my and my household's bookings and waitlist places, and what can be done with each. */
export function useMyBookings(): MyBookingsHandle {
  const remote = useRemoteData(loadMine);
  const { update } = remote;
  const [panels, setPanels] = useState<Record<string, CardPanel | undefined>>({});
  const requests = useActions();
  const { run: runRequest, reset: resetRequest } = requests;

  const setPanel = useCallback(
    (bookingId: string, panel: CardPanel | undefined) => {
      setPanels((current) => ({ ...current, [bookingId]: panel }));
      resetRequest(bookingId);
    },
    [resetRequest],
  );

  /** Runs one card's request; on success applies its answer and closes the card's panel. */
  const run = useCallback(
    <T>(id: string, send: () => Promise<T>, apply: (answer: T, data: MyBookings) => MyBookings) => {
      runRequest(id, send, {
        done: (answer) => {
          update((data) => apply(answer, data));
          setPanels((current) => ({ ...current, [id]: undefined }));
        },
        messageOf: bookingErrorMessage,
      });
    },
    [runRequest, update],
  );

  const replaceBooking = (saved: BookingView, data: MyBookings): MyBookings => ({
    ...data,
    bookings: data.bookings.map((booking) => (booking.id === saved.id ? saved : booking)),
  });

  const cancel = useCallback((booking: BookingView) => run(booking.id, () => cancelBooking(booking.id), replaceBooking), [run]);
  const reschedule = useCallback((booking: BookingView, slot: SlotAvailability) => run(booking.id, () => rescheduleBooking(booking.id, slot.startsAt), replaceBooking), [run]);
  const leave = useCallback(
    (entry: WaitlistEntryView) =>
      run(
        entry.id,
        () => leaveWaitlist(entry.id),
        (saved, data) => ({ ...data, waitlist: data.waitlist.map((item) => (item.id === saved.id ? saved : item)) }),
      ),
    [run],
  );

  const data = remote.state.status === 'ready' ? remote.state.data : null;
  const groups = useMemo(() => groupResidentBookings(data?.bookings ?? [], new Date()), [data]);
  const waitlistShown = useMemo(() => (data?.waitlist ?? []).filter((entry) => entry.status !== 'left'), [data]);

  return { ...remote, groups, waitlistShown, panels, setPanel, requestOf: requests.of, cancel, reschedule, leave };
}
