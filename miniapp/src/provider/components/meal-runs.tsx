import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import { MEAL_KIND_LABELS, ORDER_STATUS_LABELS } from '@linli/shared';

import type { WorkerMealRunView, WorkerMealStopView } from '@linli/shared';

import { CallButton } from '../../components/call-button';
import { SubmitButton } from '../../components/submit-button';
import { windowLabel } from '../../texts/order-messages';

import type { ActionState } from '../../hooks/useActions';
import type { MealRunsHandle } from '../hooks/useMealRuns';

import './provider.scss';

interface MealRunsProps {
  runs: MealRunsHandle;
  requestOf: (id: string) => ActionState;
}

function Stop({ runs, stop, requestOf }: MealRunsProps & { stop: WorkerMealStopView }) {
  const request = requestOf(stop.mealOrderId);
  const pending = request.status === 'pending';
  return (
    <View className={`meal-stop meal-stop--${stop.status}`} data-testid='meal-stop'>
      <View className='meal-stop__head'>
        <Text className='meal-stop__sequence'>第 {stop.sequence} 户</Text>
        <Text className='meal-stop__status'>{stop.statusLabel}</Text>
      </View>
      <Text className='meal-stop__name'>{stop.elderName}</Text>
      <Text className='meal-stop__address'>{stop.address ?? '没有登记地址，请先打电话'}</Text>
      {stop.deliveryNote && <Text className='meal-stop__note'>备注：{stop.deliveryNote}</Text>}
      <Text className='meal-stop__items'>{stop.items.join('，')}</Text>
      {stop.actions.includes('deliver') && (
        <SubmitButton className='meal-stop__deliver' pending={pending} onClick={() => runs.settle(stop, 'deliver')}>
          已送达
        </SubmitButton>
      )}
      {stop.actions.includes('report_not_at_home') && (
        <SubmitButton className='meal-stop__not-at-home' type='default' pending={pending} onClick={() => runs.settle(stop, 'not-at-home')}>
          家中无人
        </SubmitButton>
      )}
      {request.status === 'failed' && <Text className='worker-bench__message'>{request.message}</Text>}
      {stop.location && (
        <Button className='meal-stop__navigate' size='large' block onClick={() => runs.navigate(stop)}>
          导航
        </Button>
      )}
      <CallButton className='meal-stop__call' label='拨打电话' state={runs.calls[stop.mealOrderId]} onCall={() => runs.call(stop)} />
    </View>
  );
}

function SetOutRun({ runs, run, requestOf }: MealRunsProps & { run: WorkerMealRunView }) {
  if (run.orderStatus !== 'accepted') return null;
  const state = runs.setOutOf(run);
  if (!state.allowed) return <Text className='meal-run__set-out-later'>{state.notice}</Text>;
  const request = requestOf(run.orderId);
  return (
    <View>
      <SubmitButton className='meal-run__set-out' pending={request.status === 'pending'} onClick={() => runs.setOut(run)}>
        出发送餐
      </SubmitButton>
      {request.status === 'failed' && <Text className='worker-bench__message'>{request.message}</Text>}
    </View>
  );
}

function MealRunCard({ runs, run, requestOf }: MealRunsProps & { run: WorkerMealRunView }) {
  const left = run.stops.filter((stop) => stop.status === 'ready' || stop.status === 'out_for_delivery').length;
  return (
    <View className={`meal-run meal-run--${run.orderStatus}`} data-testid='meal-run'>
      <Text className='meal-run__title'>
        助餐配送 · {run.areaName} {run.stops.length} 户
      </Text>
      <Text className='meal-run__status'>{ORDER_STATUS_LABELS[run.orderStatus]}</Text>
      <Text className='meal-run__line'>
        {run.mealPointName} · {MEAL_KIND_LABELS[run.mealKind]} · {windowLabel(run.windowStartsAt, run.windowEndsAt)}
      </Text>
      <Text className='meal-run__line'>取餐地址：{run.address}</Text>
      <SetOutRun runs={runs} run={run} requestOf={requestOf} />
      {run.orderStatus !== 'accepted' && <Text className='meal-run__line'>{left > 0 ? `还有 ${left} 户未处理` : '本趟各户均已处理'}</Text>}
      {run.stops.map((stop) => (
        <Stop key={stop.mealOrderId} runs={runs} stop={stop} requestOf={requestOf} />
      ))}
    </View>
  );
}

/** The worker's meal-delivery runs on the workbench: nothing at all for a worker without one. */
export function MealRuns({ runs, requestOf }: MealRunsProps) {
  if (runs.list.state.status !== 'ready' || runs.list.state.data.length === 0) return null;
  return (
    <View className='meal-runs'>
      {runs.list.state.data.map((run) => (
        <MealRunCard key={run.orderId} runs={runs} run={run} requestOf={requestOf} />
      ))}
    </View>
  );
}
