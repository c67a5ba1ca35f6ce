import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

import type { MealFulfilment, MealOrderLineInput, MealOrderView, MealPaymentMethod, MealPointView, MealPrice, MenuMealView, PlacedMealOrderView } from '@linli/shared';

import { useActions } from '../../hooks/useActions';
import { useSubscribeAsk } from '../../hooks/useSubscribeAsk';
import { placeCoordinates, useMapPoint } from '../../hooks/useMapPoint';
import { ApiError } from '../../services/api-error';
import { newIdempotencyKey } from '../../services/bookings';
import { changeMealOrder, createMealOrder, quoteMeal } from '../../services/meals';
import { MEAL_MESSAGES, mealErrorMessage } from '../../texts/meal-messages';

import type { ActionState } from '../../hooks/useActions';
import type { MapPointHandle } from '../../hooks/useMapPoint';
import type { MealPerson } from './useMealPeople';

/** Portions of one dish an order may hold (the API's limit). */
export const MAX_PORTIONS = 10;

/**
 * What a resident picks from on this screen: 到店付, the meal balance, and 微信支付 (paid right after the order is placed,
 * see useMealOrderPayment).
 */
export const RESIDENT_PAYMENT_METHODS: readonly MealPaymentMethod[] = ['at_pickup', 'balance', 'wechat_pay'];

/** A new order for a meal, or new quantities for an order placed before (fulfilment and payment stay as they were). */
export type MealOrderMode = { kind: 'new'; dishId?: string } | { kind: 'change'; order: MealOrderView };

/** The price of the lines chosen: none chosen yet, asked, known, or not to be had (shown as the menu sum). */
export type LiveQuote = { status: 'none' } | { status: 'loading' } | { status: 'ready'; price: MealPrice } | { status: 'failed'; message: string };

export interface MealOrderFormHandle {
  quantities: Record<string, number>;
  /** +1 or −1 portion of a dish, kept within 0..MAX_PORTIONS and the portions left. */
  step: (dishId: string, delta: 1 | -1) => void;
  fulfilment: MealFulfilment | null;
  chooseFulfilment: (fulfilment: MealFulfilment) => void;
  /** 送餐: the door on the map (optional) — the delivery radius is checked against it and the run goes nearest first. */
  homePoint: MapPointHandle;
  payment: MealPaymentMethod;
  choosePayment: (payment: MealPaymentMethod) => void;
  /** Sum of the menu prices of the lines chosen, fen. */
  grossFen: number;
  quote: LiveQuote;
  /** On the read-back step: the choices are made and read back before anything is sent. */
  reviewing: boolean;
  /** 确认订餐 on the form: checks it, then shows the read-back (nothing is sent yet). */
  review: () => void;
  /** 返回修改: back to the form, everything kept. */
  back: () => void;
  submitState: ActionState;
  /** 确认 on the read-back: places (or changes) the order. */
  submit: () => void;
}

function initialQuantities(meal: MenuMealView, mode: MealOrderMode): Record<string, number> {
  if (mode.kind === 'change') return Object.fromEntries(mode.order.lines.map((line) => [line.dishId, line.quantity]));
  const preselected = meal.dishes.find((dish) => dish.id === mode.dishId && dish.remaining !== 0);
  return preselected ? { [preselected.id]: 1 } : {};
}

function linesOf(quantities: Record<string, number>): MealOrderLineInput[] {
  return Object.entries(quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([dishId, quantity]) => ({ dishId, quantity }));
}

/**
 * Ordering one meal for one person: portions per dish, 堂食/自取/送餐 as the point offers, 到店付 or the meal balance,
 * the price after subsidy asked again on every change, then the read-back (for whom, which meal, where, what is paid)
 * and, on its 确认, one order. One Idempotency-Key per form, kept with the
 * body it was sent with: a second tap or a retry after a lost answer sends the same key (the server answers with the
 * order it already made); a changed form gets a fresh key.
 */
export function useMealOrderForm(
  point: MealPointView,
  meal: MenuMealView,
  person: MealPerson,
  mode: MealOrderMode,
  onSaved: (order: PlacedMealOrderView) => void,
): MealOrderFormHandle {
  const [quantities, setQuantities] = useState<Record<string, number>>(() => initialQuantities(meal, mode));
  const [fulfilment, setFulfilment] = useState<MealFulfilment | null>(() => (mode.kind === 'change' ? mode.order.fulfilment : (point.fulfilments[0] ?? null)));
  const [payment, setPayment] = useState<MealPaymentMethod>(() => (mode.kind === 'change' ? mode.order.paymentMethod : 'at_pickup'));
  const [quote, setQuote] = useState<LiveQuote>({ status: 'none' });
  const [reviewing, setReviewing] = useState(false);
  const homePoint = useMapPoint('没有选到位置。不选也可以，送餐员会按地址送到。');
  const actions = useActions<'submit'>();
  const askSubscribe = useSubscribeAsk('after_meal_order');
  const sent = useRef<{ key: string; body: string }>({ key: newIdempotencyKey(), body: '' });

  const lines = linesOf(quantities);
  const linesKey = JSON.stringify(lines);
  // Only a delivery goes to the point: pickup and dining in never send one.
  const deliveryAt = fulfilment === 'delivery' ? placeCoordinates(homePoint.place) : {};
  const deliveryKey = JSON.stringify(deliveryAt);
  const grossFen = lines.reduce((sum, line) => sum + line.quantity * (meal.dishes.find((dish) => dish.id === line.dishId)?.priceFen ?? 0), 0);

  // A change keeps its stored price until saved: a quote now would count the order's own subsidy against its caps.
  const quoting = mode.kind === 'new' && fulfilment !== null && lines.length > 0;
  useEffect(() => {
    if (!quoting) {
      setQuote({ status: 'none' });
      return undefined;
    }
    let current = true;
    setQuote({ status: 'loading' });
    const input = {
      mealPointId: point.id,
      residentId: person.id,
      mealDate: meal.mealDate,
      mealKind: meal.mealKind,
      fulfilment: fulfilment,
      lines: JSON.parse(linesKey) as MealOrderLineInput[],
      ...(JSON.parse(deliveryKey) as typeof deliveryAt),
    };
    quoteMeal(input).then(
      (price) => current && setQuote({ status: 'ready', price }),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        if (current) setQuote({ status: 'failed', message: mealErrorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [quoting, point.id, person.id, meal.mealDate, meal.mealKind, fulfilment, linesKey, deliveryKey]);

  const step = (dishId: string, delta: 1 | -1) => {
    const dish = meal.dishes.find((candidate) => candidate.id === dishId);
    if (!dish) return;
    const ceiling = Math.min(MAX_PORTIONS, dish.remaining ?? MAX_PORTIONS);
    setQuantities((current) => ({ ...current, [dishId]: Math.max(0, Math.min(ceiling, (current[dishId] ?? 0) + delta)) }));
    actions.reset('submit');
  };

  /** What keeps the form from being sent, said beside its button; null when it can go. */
  const problem = (): string | null => {
    if (lines.length === 0) return MEAL_MESSAGES.NO_DISH;
    if (mode.kind === 'new' && fulfilment === 'delivery' && !person.address) return MEAL_MESSAGES.NO_ADDRESS;
    return null;
  };

  const showStep = (next: boolean) => {
    setReviewing(next);
    actions.reset('submit');
    // The step replaces a long screen: it starts at the top.
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const review = () => {
    const found = problem();
    if (found) actions.fail('submit', found);
    else if (mode.kind === 'change' || fulfilment) showStep(true);
  };

  const submit = () => {
    const found = problem();
    if (found) {
      actions.fail('submit', found);
      return;
    }
    const failed = (error: ApiError) => {
      // The server saw this key with another body: the next tap is a new attempt.
      if (error.code === 'IDEMPOTENCY_KEY_REUSED') sent.current = { key: newIdempotencyKey(), body: '' };
    };
    if (mode.kind === 'change') {
      actions.run('submit', () => changeMealOrder(mode.order.id, lines), { done: onSaved, messageOf: mealErrorMessage });
      return;
    }
    if (!fulfilment) return;
    const input = { mealPointId: point.id, residentId: person.id, mealDate: meal.mealDate, mealKind: meal.mealKind, fulfilment, lines, paymentMethod: payment, ...deliveryAt };
    const body = JSON.stringify(input);
    if (sent.current.body && sent.current.body !== body) sent.current = { key: newIdempotencyKey(), body };
    else sent.current.body = body;
    const key = sent.current.key;
    // 订餐状态 and 送餐异常 in WeChat, asked in the 确认订餐 tap (WeChat's rule); the order is placed once the dialog has
    // closed, so WeChat Pay's cashier, opened right after, does not meet it.
    void askSubscribe().then(() => actions.run('submit', () => createMealOrder(input, key), { done: onSaved, messageOf: mealErrorMessage, failed }));
  };

  return {
    quantities,
    step,
    fulfilment,
    chooseFulfilment: (value) => {
      setFulfilment(value);
      actions.reset('submit');
    },
    homePoint,
    payment,
    choosePayment: (value) => {
      setPayment(value);
      actions.reset('submit');
    },
    grossFen,
    quote,
    reviewing,
    review,
    back: () => showStep(false),
    submitState: actions.of('submit'),
    submit,
  };
}
