import { useCallback, useState } from 'react';
import { shanghaiDateOf } from '@linli/shared';

import type { MealKind, MealOrderView, MealPointView } from '@linli/shared';

import { useActions } from '../../hooks/useActions';
import { useRemoteData } from '../../hooks/useRemoteData';
import { collectByCode, collectOrder, fetchMealOrdersOfDay } from '../../services/canteen';
import { CANTEEN_MESSAGES } from '../../texts/canteen-messages';

import type { ActionState, ActionsHandle } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** The code box's action id in `actions` (orders use their own ids). */
const CODE = 'code';

/** Four digits or more: the end of a phone number; anything else is a name. */
const PHONE_TAIL = /^\d{4,11}$/;

export interface MealCounterHandle {
  today: string;
  mealKind: MealKind;
  setMealKind: (mealKind: MealKind) => void;
  /** Today's orders of the chosen meal, narrowed by the last lookup. */
  orders: RemoteDataHandle<MealOrderView[]>;
  lookup: string;
  setLookup: (text: string) => void;
  /** Looks the elder up by what is typed (a name, or a phone's last digits); empty shows the whole meal. */
  search: () => void;
  code: string;
  setCode: (code: string) => void;
  /** 核销 the six digits typed (spaces ignored) or a code scanned. */
  collectCode: (code?: string) => void;
  codeState: ActionState;
  /** 领取 of one order of the list. */
  collect: (order: MealOrderView) => void;
  collectingOf: ActionsHandle<string>['of'];
  /** The order handed over last, for the line that says so. */
  collected: MealOrderView | null;
}

/** The counter of one meal point today: the orders of a meal, looking an elder up, handing meals over by code or from the list. */
export function useMealCounter(point: MealPointView, now: () => Date = () => new Date()): MealCounterHandle {
  const [today] = useState(() => shanghaiDateOf(now()));
  const [mealKind, setMealKind] = useState<MealKind>(point.windows[0]?.mealKind ?? 'lunch');
  const [lookup, setLookup] = useState('');
  const [filter, setFilter] = useState('');
  const [code, setCode] = useState('');
  const [collected, setCollected] = useState<MealOrderView | null>(null);
  const actions = useActions();

  const load = useCallback(() => {
    const query = PHONE_TAIL.test(filter) ? { phoneTail: filter } : filter ? { name: filter } : {};
    return fetchMealOrdersOfDay({ mealPointId: point.id, date: today, mealKind, ...query });
  }, [point.id, today, mealKind, filter]);
  const orders = useRemoteData(load);

  const search = () => {
    const text = lookup.trim();
    if (text === filter) orders.retry();
    else setFilter(text);
  };

  const handedOver = (order: MealOrderView) => {
    setCollected(order);
    orders.update((items) => items.map((item) => (item.id === order.id ? order : item)));
  };

  const collectCode = (scanned?: string) => {
    const typed = (scanned ?? code).replace(/\s+/g, '');
    if (!typed) return actions.fail(CODE, CANTEEN_MESSAGES.CODE_REQUIRED);
    setCollected(null);
    actions.run(CODE, () => collectByCode(point.id, typed), {
      done: (order) => {
        setCode('');
        handedOver(order);
      },
    });
  };

  const collect = (order: MealOrderView) => {
    setCollected(null);
    // Collected meanwhile at another counter: the list shows it as it is now.
    actions.run(order.id, () => collectOrder(order.id), { done: handedOver, failed: orders.reloadQuietly });
  };

  return {
    today,
    mealKind,
    setMealKind,
    orders,
    lookup,
    setLookup,
    search,
    code,
    setCode,
    collectCode,
    codeState: actions.of(CODE),
    collect,
    collectingOf: actions.of,
    collected,
  };
}
