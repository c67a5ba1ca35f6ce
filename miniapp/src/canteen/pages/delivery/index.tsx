import { Text, View } from '@tarojs/components';
import { addDays } from '@linli/shared';

import type { MealDeliveryPlan, MealPointView } from '@linli/shared';

import { RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { dayLabel, mealLabel } from '../../../texts/canteen-messages';
import { MealPointPage } from '../../components/canteen-gate';
import { MealKindChoice } from '../../components/meal-kind-choice';
import { useDeliveryRuns } from '../../hooks/useDeliveryRuns';

import type { DeliveryRunsHandle } from '../../hooks/useDeliveryRuns';

function DayChoice({ runs }: { runs: DeliveryRunsHandle }) {
  return (
    <View className='canteen__choices'>
      {[0, 1].map((offset) => {
        const date = addDays(runs.today, offset);
        return (
          <View key={date} className={`canteen-chip canteen-day${date === runs.date ? ' canteen-chip--selected' : ''}`} ariaRole='radio' onClick={() => runs.setDate(date)}>
            <Text>
              {offset === 0 ? '今天' : '明天'} {dayLabel(date)}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

function Plan({ plan, runs }: { plan: MealDeliveryPlan; runs: DeliveryRunsHandle }) {
  return (
    <View>
      {plan.committedRuns.length > 0 && (
        <View className='delivery-committed'>
          <Text className='canteen__label'>已交给送餐员</Text>
          {plan.committedRuns.map((run) => (
            <Text key={run.id} className={`canteen-point__line delivery-committed__run${run.cancelled ? ' delivery-committed__run--cancelled' : ''}`}>
              第 {run.runNumber} 趟 · {run.areaName} · {run.stopCount} 户{run.cancelled ? ' · 已取消，没送到的餐改由下一趟送' : ''}
            </Text>
          ))}
        </View>
      )}
      {plan.runs.map((run, index) => (
        <View key={`${run.areaId ?? 'none'}-${index}`} className='canteen-point delivery-run'>
          <Text className='canteen-point__title'>
            {run.areaName} · {run.stops.length} 户
          </Text>
          {run.stops.map((stop) => (
            <Text key={stop.orderId} className='canteen-point__line delivery-run__stop'>
              {stop.sequence}. {stop.elderName} · {stop.address ?? '未登记地址'} · {stop.items.join('、')}
            </Text>
          ))}
        </View>
      ))}
      {plan.runs.length > 0 &&
        (plan.fixed ? (
          <SubmitButton className='delivery-commit' pending={runs.committing.status === 'pending'} onClick={runs.commit}>
            确定送餐路线，派给送餐员
          </SubmitButton>
        ) : (
          <Text className='canteen__message delivery-not-fixed'>还没到订餐截止时间，路线还会变化，截止后再确定。</Text>
        ))}
    </View>
  );
}

function Delivery({ point }: { point: MealPointView }) {
  const runs = useDeliveryRuns(point);
  return (
    <>
      <Text className='canteen__title'>送餐路线</Text>
      <DayChoice runs={runs} />
      <MealKindChoice point={point} value={runs.mealKind} onChange={runs.setMealKind} />
      <Text className='canteen__label'>
        {point.name} · {mealLabel(runs.date, runs.mealKind)}
      </Text>
      {runs.notice && <Text className='canteen__message canteen__message--done delivery-notice'>{runs.notice}</Text>}
      {runs.committing.status === 'failed' && <Text className='canteen__message delivery-failed'>{runs.committing.message}</Text>}
      <RemoteContent state={runs.plan.state} onRetry={runs.plan.retry} isEmpty={(plan) => plan.runs.length === 0 && plan.committedRuns.length === 0} emptyText='这一餐没有送餐订单'>
        {(plan) => <Plan plan={plan} runs={runs} />}
      </RemoteContent>
    </>
  );
}

/** `/canteen/pages/delivery/index?id=`: one meal's delivery runs, and after the cut-off the commit that sends them out. */
export function CanteenDeliveryPage() {
  return <MealPointPage title='送餐路线'>{(point) => <Delivery point={point} />}</MealPointPage>;
}

export default CanteenDeliveryPage;
