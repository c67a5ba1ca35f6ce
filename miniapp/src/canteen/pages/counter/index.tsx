import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { shanghaiTimeOf } from '@linli/shared';

import type { MealOrderView } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { mealLabel, mealOrderLines, mealOrderStatus, mealOrderSummary } from '../../../texts/canteen-messages';
import { MealPointPage } from '../../components/canteen-gate';
import { MealKindChoice } from '../../components/meal-kind-choice';
import { useMealCounter } from '../../hooks/useMealCounter';

import type { MealCounterHandle } from '../../hooks/useMealCounter';
import type { MealPointView } from '@linli/shared';

/** The camera is WeChat's; in a browser the six digits are typed. */
const CAN_SCAN = process.env.TARO_ENV === 'weapp';

function PickupBox({ counter }: { counter: MealCounterHandle }) {
  const { codeState, collected } = counter;
  const scan = () => {
    Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).then(
      (result) => counter.collectCode(result.result),
      () => undefined, // closed the scanner: nothing to say
    );
  };
  return (
    <View className='canteen__block canteen-pickup'>
      <Text className='canteen__label'>取餐核销</Text>
      {CAN_SCAN && (
        <SubmitButton className='canteen-scan' pending={codeState.status === 'pending'} onClick={scan}>
          扫码核销
        </SubmitButton>
      )}
      <TextField
        label={CAN_SCAN ? '扫不了时，输入老人念出的 6 位取餐码' : '输入老人念出的 6 位取餐码'}
        value={counter.code}
        onChange={counter.setCode}
        inputClassName='canteen-code'
        type='number'
        maxlength={6}
      />
      <SubmitButton className='canteen-code-submit' pending={codeState.status === 'pending'} onClick={() => counter.collectCode()}>
        核销
      </SubmitButton>
      {codeState.status === 'failed' && <Text className='canteen__message'>{codeState.message}</Text>}
      {collected && (
        <Text className='canteen__message canteen__message--done canteen-collected'>
          {collected.resident.name} 已取餐：{mealOrderLines(collected)}
        </Text>
      )}
    </View>
  );
}

function OrderCard({ counter, order }: { counter: MealCounterHandle; order: MealOrderView }) {
  const collecting = counter.collectingOf(order.id);
  return (
    <View className={`canteen-order${order.status === 'collected' ? ' canteen-order--collected' : ''}`} data-order={order.id}>
      <Text className='canteen-order__title'>{order.resident.name}</Text>
      <Text className='canteen-order__line'>{mealOrderLines(order)}</Text>
      <Text className='canteen-order__line'>{mealOrderSummary(order)}</Text>
      <Text className='canteen-order__status'>
        {mealOrderStatus(order)}
        {order.collectedAt ? ` ${shanghaiTimeOf(new Date(order.collectedAt))}` : ''}
      </Text>
      {order.cancelReason && <Text className='canteen-order__line'>{order.cancelReason}</Text>}
      {order.actions.includes('collect') && (
        <SubmitButton className='canteen-order__collect' pending={collecting.status === 'pending'} onClick={() => counter.collect(order)}>
          领取
        </SubmitButton>
      )}
      {collecting.status === 'failed' && <Text className='canteen__message'>{collecting.message}</Text>}
    </View>
  );
}

function Counter({ point }: { point: MealPointView }) {
  const counter = useMealCounter(point);
  return (
    <>
      <Text className='canteen__title'>{point.name}</Text>
      <Text className='canteen__line'>{mealLabel(counter.today, counter.mealKind)} 的订单。截止后才能取餐。</Text>
      <MealKindChoice point={point} value={counter.mealKind} onChange={counter.setMealKind} />
      <PickupBox counter={counter} />
      <View className='canteen__block'>
        <Text className='canteen__label'>没有取餐码：按姓名或手机尾号查找</Text>
        <TextField label='姓名或手机尾号' value={counter.lookup} onChange={counter.setLookup} inputClassName='canteen-lookup' maxlength={32} />
        <SubmitButton className='canteen-lookup-submit' pending={counter.orders.state.status === 'loading'} onClick={counter.search}>
          查找
        </SubmitButton>
      </View>
      <RemoteContent
        state={counter.orders.state}
        onRetry={counter.orders.retry}
        isEmpty={isEmptyList}
        emptyText={counter.lookup.trim() ? '没有找到这位老人的订单' : '这一餐还没有订单'}
      >
        {(orders) => orders.map((order) => <OrderCard key={order.id} counter={counter} order={order} />)}
      </RemoteContent>
    </>
  );
}

/** `/canteen/pages/counter/index?id=`: a meal point's orders today, pickup by code, scan or lookup. */
export function CanteenCounterPage() {
  return <MealPointPage title='今日订单与取餐'>{(point) => <Counter point={point} />}</MealPointPage>;
}

export default CanteenCounterPage;
