import { useCallback, useMemo, useState } from 'react';
import { addDays, shanghaiDateOf } from '@linli/shared';

import type { MealPrice, MealPointListItem, MenuMealView, MenuView } from '@linli/shared';

import { useRemoteData } from '../../hooks/useRemoteData';
import { ApiError } from '../../services/api-error';
import { fetchMenu, quoteMeal } from '../../services/meals';

import type { RemoteData } from '../../hooks/useRemoteData';

/** Today and tomorrow: what residents order ahead for; the week's later days are the canteen's to plan. */
const DAYS_SHOWN = 2;

export interface MealMenuHandle {
  state: RemoteData<MenuView>;
  retry: () => void;
  dates: string[];
  date: string;
  chooseDate: (date: string) => void;
  /** The meals of the chosen date (lunch, dinner…), in the menu's order. */
  mealsOf: (menu: MenuView) => MenuMealView[];
}

/** A point's menu for today and tomorrow, one date shown at a time (tomorrow when today's meals are all past). */
export function useMealMenu(mealPointId: string): MealMenuHandle {
  // One clock per screen: the dates offered stay put while the resident looks.
  const [today] = useState(() => shanghaiDateOf(new Date()));
  const dates = useMemo(() => Array.from({ length: DAYS_SHOWN }, (_, index) => addDays(today, index)), [today]);
  const load = useCallback(() => fetchMenu(mealPointId, dates[0], dates[dates.length - 1]), [mealPointId, dates]);
  const menu = useRemoteData(load);
  const [chosen, setChosen] = useState<string | null>(null);
  const date = chosen ?? firstOrderableDate(menu.state, dates);
  const mealsOf = useCallback((found: MenuView) => found.meals.filter((meal) => meal.mealDate === date), [date]);
  return { state: menu.state, retry: menu.retry, dates, date, chooseDate: setChosen, mealsOf };
}

function firstOrderableDate(state: RemoteData<MenuView>, dates: string[]): string {
  if (state.status !== 'ready') return dates[0];
  return state.data.meals.find((meal) => meal.orderable)?.mealDate ?? dates[0];
}

/** The price of one portion of each dish of some meals for one elder, by dish id; null where no quote could be had. */
export type DishPrices = Record<string, MealPrice | null>;

/**
 * What one portion of each orderable dish of the date costs the chosen elder after subsidy (POST /meal-quotes, which
 * writes nothing), at the point's first fulfilment. A dish the API will not quote (sold out meanwhile) shows its
 * menu price.
 */
export function useDishPrices(point: MealPointListItem, menu: MenuView, date: string, residentId: string): RemoteData<DishPrices> {
  const fulfilment = point.fulfilments[0];
  const load = useCallback(async (): Promise<DishPrices> => {
    if (!fulfilment) return {};
    const orderable = menu.meals.filter((meal) => meal.mealDate === date && meal.orderable);
    const quotes = orderable.flatMap((meal) =>
      meal.dishes.map(async (dish) => {
        const input = { mealPointId: point.id, residentId, mealDate: meal.mealDate, mealKind: meal.mealKind, fulfilment, lines: [{ dishId: dish.id, quantity: 1 }] };
        const price = await quoteMeal(input).catch((error: unknown) => {
          if (error instanceof ApiError) return null;
          throw error;
        });
        return [dish.id, price] as const;
      }),
    );
    return Object.fromEntries(await Promise.all(quotes));
  }, [point.id, fulfilment, menu, date, residentId]);
  return useRemoteData(load).state;
}
