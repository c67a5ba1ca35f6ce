import Taro from '@tarojs/taro';
import { useCallback, useMemo, useRef, useState } from 'react';

import { initialCentreId, orderCentresFor } from '@linli/shared';

import type { OrderedCentre, ServiceDetail, ServiceOrderView, SessionAccount, SlotUnavailableReason } from '@linli/shared';

import { ApiError } from '../services/api-error';
import { newIdempotencyKey } from '../services/bookings';
import { createHomeOrder } from '../services/home-orders';
import { isWindowOpen, windowDates, windowOf, windowUnavailable } from '../forms/visit-window';
import { orderErrorMessage } from '../texts/order-messages';
import { fieldErrorsOf } from '../forms/field-errors';
import { fetchHousehold, fetchMyProfile } from '../services/profile';
import { SELF_RELATION } from '../texts/booking-messages';
import { placeCoordinates, useMapPoint } from './useMapPoint';
import { useRemoteData } from './useRemoteData';
import { useSubscribeAsk } from './useSubscribeAsk';

import type { WindowPresetKey } from '../forms/visit-window';
import type { BookingPerson } from './useBookingFlow';
import type { ChosenPlace } from './useMapPoint';
import type { RemoteDataHandle } from './useRemoteData';

/** Someone a home visit can be for, with the address on file (prefilled into the form). */
export interface HomeOrderPerson extends BookingPerson {
  address: string | null;
}

/** Who a resident can ask a home visit for: themselves first (with their profile's address), then their household. */
export function useHomeOrderPeople(account: SessionAccount): RemoteDataHandle<HomeOrderPerson[]> {
  const { residentId, displayName, regionId } = account;
  const load = useCallback(async (): Promise<HomeOrderPerson[]> => {
    const [profile, members] = await Promise.all([fetchMyProfile(), fetchHousehold()]);
    const self: HomeOrderPerson[] = residentId
      ? [{ id: residentId, name: profile?.name ?? displayName, relation: SELF_RELATION, communityId: profile?.communityId ?? regionId, address: profile?.address ?? null }]
      : [];
    return [...self, ...members.map((member) => ({ id: member.id, name: member.name, relation: member.relation, communityId: member.communityId, address: member.address }))];
  }, [residentId, displayName, regionId]);
  return useRemoteData(load);
}

export const ADDRESS_LIMITS = { min: 4, max: 200 } as const;
export const DESCRIPTION_LIMITS = { min: 2, max: 500 } as const;

export type HomeOrderField = 'centre' | 'person' | 'address' | 'window' | 'description';

export type HomeOrderOutcome = { status: 'idle' } | { status: 'pending' } | { status: 'failed'; message: string } | { status: 'created'; order: ServiceOrderView };

export interface HomeOrderFormHandle {
  /** The service's centres, the own community's first for `centresFor`. */
  centres: OrderedCentre<ServiceDetail['centres'][number]>[];
  /** Whose community orders the centres: the person chosen, else the first one offered (the resident). */
  centresFor: HomeOrderPerson | null;
  centreId: string | null;
  chooseCentre: (centreId: string) => void;
  personId: string | null;
  choosePerson: (personId: string) => void;
  address: string;
  setAddress: (address: string) => void;
  dates: string[];
  date: string | null;
  chooseDate: (date: string) => void;
  preset: WindowPresetKey | null;
  choosePreset: (preset: WindowPresetKey) => void;
  /** Why a preset of the chosen date cannot be asked for (over, under way, too soon), or null when it can. */
  presetUnavailable: (preset: WindowPresetKey) => SlotUnavailableReason | null;
  description: string;
  setDescription: (description: string) => void;
  place: ChosenPlace | null;
  placeMessage: string | null;
  choosePlace: () => void;
  errors: Partial<Record<HomeOrderField, string>>;
  outcome: HomeOrderOutcome;
  /** On the read-back step: the form is filled in and read back before anything is sent. */
  reviewing: boolean;
  /** 提交预约 on the form: checks it, then shows the read-back (nothing is sent yet). */
  review: () => void;
  /** 返回修改: back to the form, everything kept. */
  back: () => void;
  /** 确认 on the read-back: sends the order. */
  submit: () => void;
}

/** The API's VALIDATION_FAILED fields, as the form's own. */
const API_FIELDS: Record<string, HomeOrderField> = {
  centreId: 'centre',
  residentId: 'person',
  address: 'address',
  windowStartsAt: 'window',
  windowEndsAt: 'window',
  description: 'description',
};

/**
 * 上门服务: centre (when more than one), who for, address (the person's own, prefilled), a day and 上午/下午/晚上, what
 * is needed, and optionally the spot on a map. Checked here first so mistakes show beside their field; then read
 * back (`review`), and sent on its 确认 (`submit`); on success `onCreated` gets the new order (the page then opens it).
 */
export function useHomeOrderForm(
  service: ServiceDetail,
  people: readonly HomeOrderPerson[],
  onCreated: (order: ServiceOrderView) => void,
  preferredCentreId?: string,
): HomeOrderFormHandle {
  // One clock per form: the dates and windows offered stay put while the resident fills it in.
  const [now] = useState(() => new Date());
  const [centreId, setCentreId] = useState<string | null>(() => initialCentreId(service, preferredCentreId));
  const single = people.length === 1 ? people[0] : null;
  const [personId, setPersonId] = useState<string | null>(single?.id ?? null);
  const [address, setAddressValue] = useState(single?.address ?? '');
  const [addressTyped, setAddressTyped] = useState(false);
  const dates = useMemo(() => windowDates(now), [now]);
  const [date, setDate] = useState<string | null>(dates[0] ?? null);
  const [preset, setPreset] = useState<WindowPresetKey | null>(null);
  const [description, setDescription] = useState('');
  const mapPoint = useMapPoint('没有选到位置。不选也可以，服务人员会按地址上门。');
  const [errors, setErrors] = useState<Partial<Record<HomeOrderField, string>>>({});
  const [outcome, setOutcome] = useState<HomeOrderOutcome>({ status: 'idle' });
  const [reviewing, setReviewing] = useState(false);
  // One Idempotency-Key per form, kept with the body it was sent with: a second tap or a retry after a lost answer
  // sends the same key (the server answers with the order it already made); a changed form gets a fresh key.
  const sent = useRef<{ key: string; body: string }>({ key: newIdempotencyKey(), body: '' });
  const askSubscribe = useSubscribeAsk('after_home_order');

  const centresFor = people.find((person) => person.id === personId) ?? people[0] ?? null;
  const community = centresFor?.communityId ?? null;
  const centres = useMemo(() => orderCentresFor(service.centres, community), [service.centres, community]);

  const clearError = (field: HomeOrderField) => setErrors((current) => ({ ...current, [field]: undefined }));

  const choosePerson = (id: string) => {
    setPersonId(id);
    clearError('person');
    // The person's own address, unless the resident already typed one.
    const found = people.find((person) => person.id === id);
    if (!addressTyped && found) setAddressValue(found.address ?? '');
  };
  const setAddress = (value: string) => {
    setAddressValue(value);
    setAddressTyped(true);
    clearError('address');
  };
  const presetUnavailable = (key: WindowPresetKey) => (date === null ? null : windowUnavailable(date, key, now));
  const chooseDate = (value: string) => {
    setDate(value);
    if (preset && !isWindowOpen(value, preset, now)) setPreset(null);
    clearError('window');
  };
  const choosePreset = (key: WindowPresetKey) => {
    if (date === null || presetUnavailable(key)) return;
    setPreset(key);
    clearError('window');
  };

  // The map's address fills the address field only while the resident has typed none.
  const choosePlace = () => mapPoint.choose((pickedAddress) => setAddressValue((current) => (current.trim() ? current : pickedAddress)));

  const check = (): Partial<Record<HomeOrderField, string>> => {
    const found: Partial<Record<HomeOrderField, string>> = {};
    if (!centreId) found.centre = '请选择市民中心';
    if (!personId) found.person = '请选择为谁预约';
    const typed = address.trim();
    if (typed.length < ADDRESS_LIMITS.min) found.address = '请填写上门地址（小区、楼栋、门牌号）';
    else if (typed.length > ADDRESS_LIMITS.max) found.address = `地址最多 ${ADDRESS_LIMITS.max} 个字`;
    if (!date || !preset) found.window = '请选择上门的日期和时间段';
    const need = description.trim();
    if (need.length < DESCRIPTION_LIMITS.min) found.description = '请简单说说需要做什么（至少 2 个字）';
    else if (need.length > DESCRIPTION_LIMITS.max) found.description = `最多 ${DESCRIPTION_LIMITS.max} 个字`;
    return found;
  };

  /** Checks the form, marking what is missing beside its field; true when it can be sent. */
  const checked = (): boolean => {
    const found = check();
    setErrors(found);
    if (!Object.values(found).some(Boolean)) return true;
    setOutcome({ status: 'failed', message: '还有内容没填好，请看上面红字提示' });
    setReviewing(false);
    return false;
  };

  const showStep = (next: boolean) => {
    setReviewing(next);
    setOutcome({ status: 'idle' });
    // The step replaces a long form: it starts at the top.
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const review = () => {
    if (outcome.status !== 'pending' && checked()) showStep(true);
  };

  const submit = () => {
    if (outcome.status === 'pending' || !checked()) return;
    setOutcome({ status: 'pending' });
    // 订单状态通知 in WeChat: asked in the tap itself (WeChat's rule), while the order is sent.
    void askSubscribe();
    const input = {
      centreId: centreId!,
      serviceId: service.id,
      residentId: personId!,
      address: address.trim(),
      ...windowOf(date!, preset!),
      description: description.trim(),
      ...placeCoordinates(mapPoint.place),
    };
    const body = JSON.stringify(input);
    if (sent.current.body && sent.current.body !== body) sent.current = { key: newIdempotencyKey(), body };
    else sent.current.body = body;
    createHomeOrder(input, sent.current.key).then(
      (order) => {
        setOutcome({ status: 'created', order });
        onCreated(order);
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        // The server saw this key with another body: the next tap is a new attempt.
        if (error.code === 'IDEMPOTENCY_KEY_REUSED') sent.current = { key: newIdempotencyKey(), body: '' };
        const byField = fieldErrorsOf(error);
        const mapped: Partial<Record<HomeOrderField, string>> = {};
        for (const [field, message] of Object.entries(byField)) if (API_FIELDS[field]) mapped[API_FIELDS[field]] = message;
        setErrors(mapped);
        setOutcome({ status: 'failed', message: orderErrorMessage(error) });
        // A field the API refused is marked on the form: back to it. Anything else is retried from the read-back.
        if (Object.keys(mapped).length > 0) setReviewing(false);
      },
    );
  };

  return {
    centres,
    centresFor,
    centreId,
    chooseCentre: (id) => {
      setCentreId(id);
      clearError('centre');
    },
    personId,
    choosePerson,
    address,
    setAddress,
    dates,
    date,
    chooseDate,
    preset,
    choosePreset,
    presetUnavailable,
    description,
    setDescription: (value) => {
      setDescription(value);
      clearError('description');
    },
    place: mapPoint.place,
    placeMessage: mapPoint.message,
    choosePlace,
    errors,
    outcome,
    reviewing,
    review,
    back: () => showStep(false),
    submit,
  };
}
