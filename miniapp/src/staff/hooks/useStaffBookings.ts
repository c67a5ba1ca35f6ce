import { useCallback, useState } from 'react';
import { SHORT_CHECK_IN_CODE, shanghaiDateOf } from '@linli/shared';

import type { BookingStatus, BookingView } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { bookingErrorMessage } from '../../texts/booking-messages';
import { applyStaffEvent, checkInWithCode, fetchCentreBookings } from '../../services/bookings';
import { useActions } from '../../hooks/useActions';
import { useRemoteData } from '../../hooks/useRemoteData';

import type { StaffBookingEvent } from '../../services/bookings';
import type { ActionState } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

export const STAFF_EVENT_LABELS: Record<StaffBookingEvent, string> = {
  approve: '通过',
  decline: '不通过',
  check_in: '签到',
  mark_no_show: '未到',
  complete: '完成',
};

export function isStaffEvent(event: string): event is StaffBookingEvent {
  return event in STAFF_EVENT_LABELS;
}

/** What a typed code is missing before it is worth sending (the scanner's long code goes through as it is). */
export const CHECK_IN_INPUT_MESSAGES = {
  empty: '请输入居民念出的 6 位数字',
  notSixDigits: '签到码是 6 位数字，请核对后再输入',
} as const;

export interface StaffFilter {
  name: string;
  phoneTail: string;
}

export type CheckInState = { status: 'idle' } | { status: 'pending' } | { status: 'failed'; message: string } | { status: 'done'; booking: BookingView };

export interface StaffBookingsHandle extends RemoteDataHandle<BookingView[]> {
  centreId: string | null;
  setCentreId: (centreId: string) => void;
  date: string;
  setDate: (date: string) => void;
  /** '' for every service / every status. */
  serviceId: string;
  setServiceId: (serviceId: string) => void;
  status: BookingStatus | '';
  setStatus: (status: BookingStatus | '') => void;
  filter: StaffFilter;
  setFilter: (filter: StaffFilter) => void;
  /** Lists again with the filter as typed now. */
  search: () => void;
  /** The last status change of a booking card, by booking id. */
  requestOf: (bookingId: string) => ActionState;
  act: (booking: BookingView, event: StaffBookingEvent) => void;
  checkIn: CheckInState;
  checkInCode: (code: string) => void;
}

const NO_BOOKINGS = () => Promise.resolve<BookingView[]>([]);

/** 今日预约: one centre's bookings of one day, one-tap status changes, and check-in by the resident's six digits or QR. */
export function useStaffBookings(initialCentreId: string | null, now: Date = new Date()): StaffBookingsHandle {
  const [centreId, setCentreId] = useState(initialCentreId);
  const [date, setDate] = useState(() => shanghaiDateOf(now));
  const [filter, setFilter] = useState<StaffFilter>({ name: '', phoneTail: '' });
  const [submitted, setSubmitted] = useState<StaffFilter>(filter);
  const [serviceId, setServiceId] = useState('');
  const [status, setStatus] = useState<BookingStatus | ''>('');
  const requests = useActions();
  const { run } = requests;
  const [checkIn, setCheckIn] = useState<CheckInState>({ status: 'idle' });

  const load = useCallback(
    () => (centreId ? fetchCentreBookings({ centreId, date, ...submitted, serviceId, status: status || undefined }) : NO_BOOKINGS()),
    [centreId, date, submitted, serviceId, status],
  );
  const remote = useRemoteData(load);
  const { update, retry } = remote;

  const search = useCallback(() => {
    if (filter.name === submitted.name && filter.phoneTail === submitted.phoneTail) retry();
    else setSubmitted(filter);
  }, [filter, submitted, retry]);

  const replace = useCallback((saved: BookingView) => update((items) => items.map((item) => (item.id === saved.id ? saved : item))), [update]);

  const act = useCallback(
    (booking: BookingView, event: StaffBookingEvent) => {
      run(booking.id, () => applyStaffEvent(booking.id, event), { done: replace, messageOf: bookingErrorMessage });
    },
    [run, replace],
  );

  const checkInCode = useCallback(
    (code: string) => {
      if (!centreId) {
        setCheckIn({ status: 'failed', message: '请先选择市民中心' });
        return;
      }
      const compact = code.replace(/\s+/g, '');
      const problem = compact === '' ? CHECK_IN_INPUT_MESSAGES.empty : /^\d+$/.test(compact) && !SHORT_CHECK_IN_CODE.test(compact) ? CHECK_IN_INPUT_MESSAGES.notSixDigits : null;
      if (problem) {
        setCheckIn({ status: 'failed', message: problem });
        return;
      }
      setCheckIn({ status: 'pending' });
      checkInWithCode(compact, centreId).then(
        (booking) => {
          replace(booking);
          setCheckIn({ status: 'done', booking });
        },
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          setCheckIn({ status: 'failed', message: bookingErrorMessage(error) });
        },
      );
    },
    [centreId, replace],
  );

  return {
    ...remote,
    centreId,
    setCentreId,
    date,
    setDate,
    serviceId,
    setServiceId,
    status,
    setStatus,
    filter,
    setFilter,
    search,
    requestOf: requests.of,
    act,
    checkIn,
    checkInCode,
  };
}
