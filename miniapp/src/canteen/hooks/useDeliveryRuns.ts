import { useCallback, useState } from 'react';
import { shanghaiDateOf } from '@linli/shared';

import type { MealDeliveryCommit, MealDeliveryPlan, MealKind, MealPointView } from '@linli/shared';

import { useActions } from '../../hooks/useActions';
import { useRemoteData } from '../../hooks/useRemoteData';
import { commitDeliveryRuns, fetchDeliveryPlan } from '../../services/meal-deliveries';

import type { ActionState } from '../../hooks/useActions';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

export interface DeliveryRunsHandle {
  today: string;
  date: string;
  setDate: (date: string) => void;
  mealKind: MealKind;
  setMealKind: (mealKind: MealKind) => void;
  plan: RemoteDataHandle<MealDeliveryPlan>;
  /** 确定送餐路线: the runs are written and each goes to the delivery workers as one order. */
  commit: () => void;
  committing: ActionState;
  /** What the last commit did, in words. */
  notice: string | null;
}

function commitNotice(answer: MealDeliveryCommit): string {
  if (answer.runs.length === 0) return '这一餐没有要送的订单';
  return answer.created ? `已生成 ${answer.runs.length} 趟送餐，正在派给送餐员` : '这一餐的送餐路线已经确定过了';
}

/**
 * 送餐路线: one meal's delivery runs at a point (today's first served meal to begin with) — the plan while orders may
 * change, and once the cut-off has passed the commit that hands each run to the delivery workers.
 */
export function useDeliveryRuns(point: MealPointView, now: () => Date = () => new Date()): DeliveryRunsHandle {
  const [today] = useState(() => shanghaiDateOf(now()));
  const [date, setDate] = useState(today);
  const [mealKind, setMealKind] = useState<MealKind>(point.windows[0]?.mealKind ?? 'lunch');
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => fetchDeliveryPlan(point.id, date, mealKind), [point.id, date, mealKind]);
  const plan = useRemoteData(load);
  const actions = useActions<'commit'>();
  const { reloadQuietly } = plan;

  const commit = () => {
    setNotice(null);
    actions.run('commit', () => commitDeliveryRuns(point.id, date, mealKind), {
      done: (answer) => {
        setNotice(commitNotice(answer));
        reloadQuietly();
      },
    });
  };
  const choose =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      setNotice(null);
      set(value);
    };
  return { today, date, setDate: choose(setDate), mealKind, setMealKind: choose(setMealKind), plan, commit, committing: actions.of('commit'), notice };
}
