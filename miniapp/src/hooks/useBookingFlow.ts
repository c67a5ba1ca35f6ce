import Taro from '@tarojs/taro';
import { useCallback, useMemo, useRef, useState } from 'react';

import { initialCentreId, MAX_GROUP_SIZE, orderCentresFor } from '@linli/shared';

import type { BookingView, OrderedCentre, ServiceDetail, SlotAvailability, WaitlistEntryView } from '@linli/shared';

import { ApiError } from '../services/api-error';
import { bookingErrorMessage } from '../texts/booking-messages';
import { createBooking, joinWaitlist, newIdempotencyKey } from '../services/bookings';
import { useSubscribeAsk } from './useSubscribeAsk';

/** Someone the booking can be for: the resident, a household member, or (staff) the resident found. */
export interface BookingPerson {
  id: string;
  name: string;
  /** How the choice is labelled: SELF_RELATION, the relation, or 居民. */
  relation: string;
  /** Their own community: its centre is listed first when booking for them. */
  communityId: string | null;
}

type ServiceCentre = ServiceDetail['centres'][number];

/** A slot picked to book, or (full) to wait for. */
export interface PickedSlot {
  slot: SlotAvailability;
  intent: 'book' | 'waitlist';
}

export type BookingOutcome =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'failed'; code: string; message: string }
  | { status: 'booked'; booking: BookingView }
  | { status: 'waitlisted'; entry: WaitlistEntryView };

export interface BookingFlowHandle {
  /** The service's centres for the chosen person: their own community's first. */
  centres: OrderedCentre<ServiceCentre>[];
  centreId: string | null;
  chooseCentre: (centreId: string) => void;
  picked: PickedSlot | null;
  pickSlot: (slot: SlotAvailability) => void;
  waitFor: (slot: SlotAvailability) => void;
  /** After SLOT_FULL on confirm: wait for the same slot instead. */
  switchToWaitlist: () => void;
  /** Back to the slot picker. */
  repick: () => void;
  /** Who it is for: nobody until chosen when there are several people to choose from. */
  person: BookingPerson | null;
  choosePerson: (personId: string) => void;
  /** Venue services only: how many people will use the venue (1..MAX_GROUP_SIZE). */
  groupSize: number;
  /** Adds `delta` to the group size, kept within 1..MAX_GROUP_SIZE. */
  changeGroupSize: (delta: number) => void;
  outcome: BookingOutcome;
  submit: () => void;
}

/**
 * Person (only asked when there is a choice, with no default) → centre (the person's own community's until another
 * is chosen) → slot (→ group size for venues) → confirm.
 * Asking for whom first means the centres can be listed for that person and the confirm step can speak of them.
 * One Idempotency-Key per confirm screen: it is made when a slot, a person or a group size is chosen and kept for
 * every retry of that same choice, so a second tap after a lost answer cannot book twice.
 */
export function useBookingFlow(service: ServiceDetail, people: readonly BookingPerson[], preferredCentreId?: string): BookingFlowHandle {
  const [chosenCentreId, setCentreId] = useState<string | null>(() => initialCentreId(service, preferredCentreId));
  const [picked, setPicked] = useState<PickedSlot | null>(null);
  const [personId, setPersonId] = useState<string | null>(people.length === 1 ? people[0].id : null);
  const [groupSize, setGroupSize] = useState(1);
  const [outcome, setOutcome] = useState<BookingOutcome>({ status: 'idle' });
  const key = useRef(newIdempotencyKey());
  const askSubscribe = useSubscribeAsk('after_booking');
  const person = people.find((candidate) => candidate.id === personId) ?? null;
  const personCommunity = person?.communityId ?? null;
  const centres = useMemo(() => orderCentresFor(service.centres, personCommunity), [service.centres, personCommunity]);
  // Until one is tapped, the person's own community's centre is taken (issue 16: two taps fewer for the common case);
  // the list stays on screen to choose another.
  const centreId = chosenCentreId ?? (person ? (centres.find((item) => item.mine)?.centre.centreId ?? null) : null);

  const startOver = useCallback((next: PickedSlot | null, toTop = true) => {
    setPicked(next);
    // The read-back (or the slot picker, back from it) replaces what was further down: it starts at the top.
    if (toTop) Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    setOutcome({ status: 'idle' });
    key.current = newIdempotencyKey();
  }, []);

  const chooseCentre = useCallback(
    (id: string) => {
      setCentreId(id);
      // Another centre: its times come under the list, where the resident is looking.
      startOver(null, false);
    },
    [startOver],
  );
  const pickSlot = useCallback((slot: SlotAvailability) => startOver({ slot, intent: 'book' }), [startOver]);
  const waitFor = useCallback((slot: SlotAvailability) => startOver({ slot, intent: 'waitlist' }), [startOver]);
  const repick = useCallback(() => startOver(null), [startOver]);
  const switchToWaitlist = useCallback(() => {
    if (picked) startOver({ slot: picked.slot, intent: 'waitlist' });
  }, [picked, startOver]);
  const choosePerson = useCallback((id: string) => {
    setPersonId(id);
    setOutcome((current) => (current.status === 'failed' ? { status: 'idle' } : current));
    key.current = newIdempotencyKey();
  }, []);
  const changeGroupSize = useCallback(
    (delta: number) => {
      const next = Math.min(MAX_GROUP_SIZE, Math.max(1, groupSize + delta));
      if (next === groupSize) return;
      setGroupSize(next);
      // The group size is part of the request: a new size is a new attempt, with a new key.
      setOutcome((current) => (current.status === 'failed' ? { status: 'idle' } : current));
      key.current = newIdempotencyKey();
    },
    [groupSize],
  );

  const submit = useCallback(() => {
    // The confirm step is only reached with a person, a centre and a slot.
    if (!picked || !centreId || !personId || outcome.status === 'pending') return;
    const input = { centreId, serviceId: service.id, startsAt: picked.slot.startsAt, residentId: personId };
    setOutcome({ status: 'pending' });
    // 预约结果 and 预约提醒 in WeChat: asked in the confirm tap itself (WeChat's rule), while the booking is sent.
    void askSubscribe();
    // Rooms and courts are booked, or waited for, with the number of people; other services never send one.
    const request = service.mode === 'venue' ? { ...input, groupSize } : input;
    const sent =
      picked.intent === 'book'
        ? createBooking(request, key.current).then((booking): BookingOutcome => ({ status: 'booked', booking }))
        : joinWaitlist(request).then((entry): BookingOutcome => ({ status: 'waitlisted', entry }));
    sent.then(setOutcome, (error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
      // The server saw this key with a different body: the next tap is a new attempt.
      if (error.code === 'IDEMPOTENCY_KEY_REUSED') key.current = newIdempotencyKey();
      setOutcome({ status: 'failed', code: String(error.code), message: bookingErrorMessage(error) });
    });
  }, [picked, centreId, personId, groupSize, outcome.status, service.id, service.mode, askSubscribe]);

  return {
    centres,
    centreId,
    chooseCentre,
    picked,
    pickSlot,
    waitFor,
    switchToWaitlist,
    repick,
    person,
    choosePerson,
    groupSize,
    changeGroupSize,
    outcome,
    submit,
  };
}
