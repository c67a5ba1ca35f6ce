import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import { readBackSentence, shanghaiDateOf } from '@linli/shared';

import type { MealOrderView } from '@linli/shared';

import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PageRoot } from '../../../components/page-root';
import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { ResidentGate } from '../../../components/resident-gate';
import { useReloadOnReturn } from '../../../hooks/usePolling';
import { ROUTES, openPage, pageUrlWithId, pageUrlWithQuery } from '../../../navigation/routes';
import { showsPickupCode, yuan } from '../../../texts/meal-messages';
import { MealOrderCard } from '../../components/meal-order-card';
import { WechatPayPanel } from '../../components/wechat-pay-panel';
import { awaitsWechatPay, useMealOrderPayment } from '../../hooks/useMealOrderPayment';
import { useMyMealOrders } from '../../hooks/useMyMealOrders';

import type { MyMealOrdersHandle } from '../../hooks/useMyMealOrders';

import '../../components/meals.scss';

/** 微信支付 for an order whose payment was left unfinished (the cashier closed, the phone put away). */
function PayNow({ order, orders }: { order: MealOrderView; orders: MyMealOrdersHandle }) {
  const payment = useMealOrderPayment(order, orders.replaceOrder);
  return <WechatPayPanel handle={payment} amountFen={order.price.total} onPay={payment.start} />;
}

function OrderActions({ order, orders }: { order: MealOrderView; orders: MyMealOrdersHandle }) {
  const state = orders.actionOf(order.id);
  const pending = state.status === 'pending';
  return (
    <View className='meal-order__actions'>
      {order.actions.includes('pay') && <PayNow order={order} orders={orders} />}
      {showsPickupCode(order.status, order.fulfilment) && !awaitsWechatPay(order) && (
        <Button className='meal-order__code' type='primary' size='large' block onClick={() => openPage(pageUrlWithId(ROUTES.mealPickup, order.id))}>
          取餐码
        </Button>
      )}
      {order.actions.includes('change') && (
        <Button className='meal-order__change' size='large' block disabled={pending} onClick={() => openPage(pageUrlWithQuery(ROUTES.mealOrder, { order: order.id }))}>
          修改份数
        </Button>
      )}
      {order.actions.includes('cancel') && (
        <Button className='meal-order__cancel' size='large' block loading={pending} disabled={pending} onClick={() => orders.askCancel(order)}>
          取消订单
        </Button>
      )}
      {state.status === 'failed' && <Text className='meal-order__message'>{state.message}</Text>}
    </View>
  );
}

/** 将取消 李建国 明天6月3日（周三）在 安大社区助餐点 的午餐订单. */
function cancelSentence(order: MealOrderView): string {
  const facts = { kind: 'cancel_meal', person: order.resident.name, date: order.mealDate, mealKind: order.mealKind, point: order.mealPoint.name } as const;
  return readBackSentence(facts, shanghaiDateOf(new Date()));
}

/** What happens to the money, said before a cancel is confirmed. */
function cancelRefundLine(order: MealOrderView): string {
  if (order.paymentMethod === 'balance') return `已付的 ${yuan(order.price.total)} 会退回助餐余额`;
  if (order.paymentMethod === 'wechat_pay') return awaitsWechatPay(order) ? '还没有付款，不用付钱' : `已付的 ${yuan(order.price.total)} 会原路退回微信`;
  return '到店付的订单，不用付钱';
}

function Orders() {
  const orders = useMyMealOrders();
  useReloadOnReturn(orders.reloadQuietly);
  const { cancelling } = orders;
  return (
    <>
      <RemoteContent state={orders.state} onRetry={orders.retry} isEmpty={isEmptyList} emptyText='还没有订餐。'>
        {(items) =>
          items.map((order) => (
            <MealOrderCard key={order.id} order={order}>
              <OrderActions order={order} orders={orders} />
            </MealOrderCard>
          ))
        }
      </RemoteContent>
      <Button className='meals__order-more' type='primary' size='large' block onClick={() => openPage(ROUTES.mealsHome)}>
        去订餐
      </Button>
      {cancelling && (
        <ConfirmDialog
          className='meal-cancel-dialog'
          title='取消这个订餐？'
          // The read-back of what is given up (issue 16): for whom, which meal, where; then what happens to the money.
          lines={[cancelSentence(cancelling), cancelRefundLine(cancelling)]}
          confirmText='确认取消'
          cancelText='不取消'
          onConfirm={orders.confirmCancel}
          onCancel={() => orders.askCancel(null)}
        />
      )}
    </>
  );
}

/** `/meals/pages/orders/index`: my and my household's meal orders, with the pickup code, change and cancel. */
export function MealOrdersPage() {
  return (
    <PageRoot className='meals'>
      <Text className='meals__title'>我的订餐</Text>
      <ResidentGate staffHint='工作人员请在工作台查看助餐订单。'>{(account) => <Orders key={account.id} />}</ResidentGate>
    </PageRoot>
  );
}

export default MealOrdersPage;
