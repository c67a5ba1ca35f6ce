import { useCallback, useState } from 'react';

import type { MealOrderView } from '@linli/shared';

import { useActions } from '../../hooks/useActions';
import { useRemoteData } from '../../hooks/useRemoteData';
import { cancelMealOrder, fetchMyMealOrders } from '../../services/meals';
import { mealErrorMessage } from '../../texts/meal-messages';

import type { ActionState } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

export interface MyMealOrdersHandle extends RemoteDataHandle<MealOrderView[]> {
  /** The order whose cancel is being asked about (the confirm dialog), or null. */
  cancelling: MealOrderView | null;
  askCancel: (order: MealOrderView | null) => void;
  confirmCancel: () => void;
  actionOf: (orderId: string) => ActionState;
  /** An order as the API answers it now (paid with WeChat Pay from the list). */
  replaceOrder: (order: MealOrderView) => void;
}

/** Mine and my household's meal orders, with the resident's own cancel (asked first, before the cut-off). */
export function useMyMealOrders(): MyMealOrdersHandle {
  const remote = useRemoteData(fetchMyMealOrders);
  const { update, reloadQuietly } = remote;
  const actions = useActions();
  const { run } = actions;
  const [cancelling, setCancelling] = useState<MealOrderView | null>(null);

  const confirmCancel = useCallback(() => {
    if (!cancelling) return;
    const target = cancelling;
    setCancelling(null);
    run(target.id, () => cancelMealOrder(target.id), {
      done: (changed) => update((orders) => orders.map((order) => (order.id === changed.id ? changed : order))),
      messageOf: mealErrorMessage,
      // The order moved on meanwhile (cut-off, the canteen): show what it is now.
      failed: reloadQuietly,
    });
  }, [cancelling, run, update, reloadQuietly]);

  const replaceOrder = useCallback((changed: MealOrderView) => update((orders) => orders.map((order) => (order.id === changed.id ? changed : order))), [update]);

  return { ...remote, cancelling, askCancel: setCancelling, confirmCancel, actionOf: actions.of, replaceOrder };
}
