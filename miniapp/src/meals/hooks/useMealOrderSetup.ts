import { useCallback } from 'react';
import { MEAL_KINDS } from '@linli/shared';

import type { MealKind, MealOrderView, MealPointView, MenuMealView } from '@linli/shared';

import { usePageParam } from '../../hooks/usePageId';
import { useRemoteData } from '../../hooks/useRemoteData';
import { fetchMealOrder, fetchMealPoint, fetchMenu } from '../../services/meals';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** What the order screen needs: the point (fulfilments), the meal with its dishes, and the order when changing one. */
export interface MealOrderSetup {
  point: MealPointView;
  meal: MenuMealView;
  order: MealOrderView | null;
}

function isMealKind(value: string): value is MealKind {
  return (MEAL_KINDS as readonly string[]).includes(value);
}

/**
 * The order screen's data from its link: `?point=&date=&kind=[&dish=][&person=]` for a new order, `?order=` to change
 * one. Null (not found) for an old link: no such order, or the meal is no longer on the menu.
 */
export function useMealOrderSetup(): RemoteDataHandle<MealOrderSetup | null> {
  const orderId = usePageParam('order');
  const pointParam = usePageParam('point');
  const dateParam = usePageParam('date');
  const kindParam = usePageParam('kind');
  const load = useCallback(async (): Promise<MealOrderSetup | null> => {
    const order = orderId ? await fetchMealOrder(orderId) : null;
    if (orderId && !order) return null;
    const pointId = order?.mealPoint.id ?? pointParam;
    const date = order?.mealDate ?? dateParam;
    const kind = order?.mealKind ?? kindParam;
    if (!pointId || !date || !isMealKind(kind)) return null;
    const [point, menu] = await Promise.all([fetchMealPoint(pointId), fetchMenu(pointId, date, date)]);
    const meal = menu.meals.find((candidate) => candidate.mealDate === date && candidate.mealKind === kind);
    return meal ? { point, meal, order } : null;
  }, [orderId, pointParam, dateParam, kindParam]);
  return useRemoteData(load);
}
