import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';

import type { MealOrderView, PlacedMealOrderView, SessionAccount } from '@linli/shared';

import { ContactCommunity } from '../../../components/contact-community';
import { PageRoot } from '../../../components/page-root';
import { RemoteContent, RemoteRecord } from '../../../components/remote-content';
import { ResidentGate } from '../../../components/resident-gate';
import { usePageParam } from '../../../hooks/usePageId';
import { useRemoteData } from '../../../hooks/useRemoteData';
import { ROUTES, openPage, pageUrlWithId } from '../../../navigation/routes';
import { fetchMealBalance } from '../../../services/meal-balance';
import { showsPickupCode } from '../../../texts/meal-messages';
import { MealOrderCard } from '../../components/meal-order-card';
import { MealOrderForm } from '../../components/meal-order-form';
import { WechatPayPanel } from '../../components/wechat-pay-panel';
import { awaitsWechatPay, useMealOrderPayment } from '../../hooks/useMealOrderPayment';
import { useMealOrderSetup } from '../../hooks/useMealOrderSetup';
import { useMealPeople } from '../../hooks/useMealPeople';

import type { MealOrderSetup } from '../../hooks/useMealOrderSetup';
import type { MealPerson } from '../../hooks/useMealPeople';

import '../../components/meals.scss';

/** A WeChat Pay order just placed: the cashier (模拟支付 in the demo) until WeChat Pay confirms it. */
function OrderPayment({ order, onUpdated }: { order: PlacedMealOrderView; onUpdated: (order: MealOrderView) => void }) {
  const payment = useMealOrderPayment(order, onUpdated, { autoStart: true });
  return <WechatPayPanel handle={payment} amountFen={order.price.total} onPay={payment.start} />;
}

function Saved({ order: placed, changed }: { order: PlacedMealOrderView; changed: boolean }) {
  const [order, setOrder] = useState<PlacedMealOrderView>(placed);
  return (
    <View className='meal-saved'>
      <Text className='meal-saved__title'>{changed ? '已保存修改' : awaitsWechatPay(order) ? '已下单，请完成微信支付' : '订餐成功'}</Text>
      <MealOrderCard order={order} />
      {awaitsWechatPay(order) && <OrderPayment order={order} onUpdated={setOrder} />}
      {showsPickupCode(order.status, order.fulfilment) && !awaitsWechatPay(order) && (
        <Button className='meal-saved__code' type='primary' size='large' block onClick={() => void Taro.redirectTo({ url: pageUrlWithId(ROUTES.mealPickup, order.id) })}>
          查看取餐码
        </Button>
      )}
      <Button className='meal-saved__orders' size='large' block onClick={() => openPage(ROUTES.mealOrders)}>
        我的订餐
      </Button>
    </View>
  );
}

function FormFor({ setup, person }: { setup: MealOrderSetup; person: MealPerson }) {
  const loadBalance = useCallback(() => fetchMealBalance(person.id, 1, 1), [person.id]);
  const balance = useRemoteData(loadBalance);
  const [saved, setSaved] = useState<PlacedMealOrderView | null>(null);
  const dishId = usePageParam('dish') || undefined;
  if (saved) return <Saved order={saved} changed={setup.order !== null} />;
  const mode = setup.order ? ({ kind: 'change', order: setup.order } as const) : ({ kind: 'new', dishId } as const);
  return (
    <MealOrderForm
      point={setup.point}
      meal={setup.meal}
      person={person}
      mode={mode}
      balanceFen={balance.state.status === 'ready' ? balance.state.data.balanceFen : null}
      onSaved={(order) => {
        setSaved(order);
        // The button was at the bottom of a long form: the answer starts at the top.
        Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
      }}
    />
  );
}

function OrderFor({ account }: { account: SessionAccount }) {
  const setup = useMealOrderSetup();
  const people = useMealPeople(account, usePageParam('person') || undefined);
  return (
    <RemoteRecord state={setup.state} onRetry={setup.retry} notFoundText='这一餐已经不在菜单上了，请回到助餐首页重新选择。'>
      {(found) => (
        <RemoteContent state={people.state} onRetry={people.retry} emptyText=''>
          {(everyone) => {
            // Changing an order is for the elder it was placed for, whoever was last chosen on the meal home.
            const residentId = found.order?.resident.id ?? people.person?.id;
            const person = everyone.find((candidate) => candidate.id === residentId);
            return person ? (
              <>
                <FormFor setup={found} person={person} />
                <ContactCommunity communityId={person.communityId} />
              </>
            ) : (
              <Text className='meals__note'>请先在“我的”里填写您的信息。</Text>
            );
          }}
        </RemoteContent>
      )}
    </RemoteRecord>
  );
}

/** `/meals/pages/order/index?point=&date=&kind=&dish=&person=` (a new order) or `?order=` (new quantities). */
export function MealOrderPage() {
  return (
    <PageRoot className='meals'>
      <ResidentGate staffHint='工作人员为老人订餐，请到工作台。'>{(account) => <OrderFor key={account.id} account={account} />}</ResidentGate>
    </PageRoot>
  );
}

export default MealOrderPage;
