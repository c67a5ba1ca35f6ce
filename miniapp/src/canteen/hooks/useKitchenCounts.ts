import { useCallback, useState } from 'react';
import { beforeMealCutOff, shanghaiDateOf } from '@linli/shared';

import type { KitchenCounts, MealKind, MealPointView } from '@linli/shared';

import { useRemoteData } from '../../hooks/useRemoteData';
import { fetchKitchenCounts } from '../../services/canteen';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';

export interface KitchenCountsHandle {
  today: string;
  date: string;
  setDate: (date: string) => void;
  mealKind: MealKind;
  setMealKind: (mealKind: MealKind) => void;
  counts: RemoteDataHandle<KitchenCounts>;
  /** Whether ordering for the chosen meal has closed, so the counts no longer move. */
  final: boolean;
}

/** 后厨统计: portions per dish and per tag of one meal of a point (today's first served meal to begin with). */
export function useKitchenCounts(point: MealPointView, now: () => Date = () => new Date()): KitchenCountsHandle {
  const [today] = useState(() => shanghaiDateOf(now()));
  const [date, setDate] = useState(today);
  const [mealKind, setMealKind] = useState<MealKind>(point.windows[0]?.mealKind ?? 'lunch');
  const load = useCallback(() => fetchKitchenCounts(point.id, date, mealKind), [point.id, date, mealKind]);
  const counts = useRemoteData(load);
  const window = point.windows.find((candidate) => candidate.mealKind === mealKind);
  const final = window ? !beforeMealCutOff(date, window.cutOffTime, now(), window.cutOffDaysBefore) : true;
  return { today, date, setDate, mealKind, setMealKind, counts, final };
}
