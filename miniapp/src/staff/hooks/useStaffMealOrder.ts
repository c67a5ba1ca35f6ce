import { useCallback, useRef, useState } from 'react';
import { addDays, shanghaiDateOf } from '@linli/shared';

import type { MealFulfilment, MealKind, MealOrderView, MealPaymentMethod, MealPointView, MenuMealView, MenuView } from '@linli/shared';

import { useActions } from '../../hooks/useActions';
import { useRemoteData } from '../../hooks/useRemoteData';
import { newIdempotencyKey } from '../../services/bookings';
import { fetchManagedMealPoints, fetchMenu } from '../../services/canteen';
import { orderMealForElder } from '../../services/meal-admin';

import type { ActionState } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** Portions of one dish an order may hold (as the API allows). */
export const MAX_PORTIONS = 10;

export interface StaffMealOrderHandle {
  points: RemoteDataHandle<MealPointView[]>;
  point: MealPointView | null;
  choosePoint: (point: MealPointView) => void;
  dates: string[];
  date: string;
  setDate: (date: string) => void;
  menu: RemoteDataHandle<MenuView | null>;
  meal: MenuMealView | null;
  chooseMeal: (mealKind: MealKind) => void;
  portions: Record<string, number>;
  changePortions: (dishId: string, delta: number) => void;
  fulfilment: MealFulfilment | null;
  setFulfilment: (fulfilment: MealFulfilment) => void;
  paymentMethod: MealPaymentMethod;
  setPaymentMethod: (method: MealPaymentMethod) => void;
  submit: () => void;
  state: ActionState;
  placed: MealOrderView | null;
  again: () => void;
}

const noMenu = () => Promise.resolve(null);

/**
 * 代老人订餐: staff order for an elder without a phone at a meal point of their region — point, day, meal, dishes,
 * how it is served and paid. One Idempotency-Key per order being put together.
 */
export function useStaffMealOrder(residentId: string, now: () => Date = () => new Date()): StaffMealOrderHandle {
  const points = useRemoteData(fetchManagedMealPoints);
  const [chosenPoint, setChosenPoint] = useState<MealPointView | null>(null);
  const [today] = useState(() => shanghaiDateOf(now()));
  const [date, setDateState] = useState(today);
  const [mealKind, setMealKind] = useState<MealKind | null>(null);
  const [portions, setPortions] = useState<Record<string, number>>({});
  const [fulfilment, setFulfilmentState] = useState<MealFulfilment | null>(null);
  const [paymentMethod, setPaymentMethodState] = useState<MealPaymentMethod>('balance');
  const [placed, setPlaced] = useState<MealOrderView | null>(null);
  const key = useRef(newIdempotencyKey());
  const actions = useActions();

  // With one meal point in reach, it is the one.
  const point = chosenPoint ?? (points.state.status === 'ready' && points.state.data.length === 1 ? points.state.data[0] : null);
  const load = useCallback(() => (point ? fetchMenu(point.id, date, date) : noMenu()), [point, date]);
  const menu = useRemoteData<MenuView | null>(load);
  const meal = menu.state.status === 'ready' ? (menu.state.data?.meals.find((candidate) => candidate.mealKind === mealKind) ?? null) : null;

  /** Any change makes another order: a new key, so the API does not take it for a retry of the last one. */
  const anotherOrder = () => {
    key.current = newIdempotencyKey();
    actions.reset('order');
  };
  const changed =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      anotherOrder();
      set(value);
    };
  const resetMeal = () => {
    setMealKind(null);
    setPortions({});
  };

  const submit = () => {
    if (!point || !meal) return actions.fail('order', '请选择助餐点和哪一餐');
    const lines = Object.entries(portions)
      .filter(([, quantity]) => quantity > 0)
      .map(([dishId, quantity]) => ({ dishId, quantity }));
    if (lines.length === 0) return actions.fail('order', '请至少选一道菜');
    if (!fulfilment) return actions.fail('order', '请选择堂食、自取或送餐');
    const order = { mealPointId: point.id, residentId, mealDate: meal.mealDate, mealKind: meal.mealKind, fulfilment, paymentMethod, lines };
    actions.run('order', () => orderMealForElder(order, key.current), { done: setPlaced });
  };

  return {
    points,
    point,
    choosePoint: changed((next: MealPointView) => {
      setChosenPoint(next);
      resetMeal();
    }),
    dates: [0, 1, 2, 3, 4, 5, 6].map((offset) => addDays(today, offset)),
    date,
    setDate: changed((next: string) => {
      setDateState(next);
      resetMeal();
    }),
    menu,
    meal,
    chooseMeal: changed((next: MealKind) => {
      setMealKind(next);
      setPortions({});
    }),
    portions,
    changePortions: (dishId, delta) => {
      anotherOrder();
      setPortions((current) => ({ ...current, [dishId]: Math.min(MAX_PORTIONS, Math.max(0, (current[dishId] ?? 0) + delta)) }));
    },
    fulfilment,
    setFulfilment: changed(setFulfilmentState),
    paymentMethod,
    setPaymentMethod: changed(setPaymentMethodState),
    submit,
    state: actions.of('order'),
    placed,
    again: () => {
      anotherOrder();
      setPlaced(null);
      resetMeal();
      setFulfilmentState(null);
    },
  };
}
