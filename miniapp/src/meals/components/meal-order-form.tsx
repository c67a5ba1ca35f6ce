import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MEAL_FULFILMENT_LABELS, MEAL_KIND_LABELS, MEAL_PAYMENT_METHOD_LABELS, readBackSentence, shanghaiDateOf } from '@linli/shared';

import type { MealPaymentMethod, MealPointView, MenuMealView, PlacedMealOrderView } from '@linli/shared';

import { ChoiceGrid } from '../../components/choice-grid';
import { ReadBack } from '../../components/read-back';
import { SubmitButton } from '../../components/submit-button';
import { dateLabel } from '../../texts/booking-messages';
import { MEAL_MESSAGES, cutOffLabel, yuan } from '../../texts/meal-messages';
import { MAX_PORTIONS, RESIDENT_PAYMENT_METHODS, useMealOrderForm } from '../hooks/useMealOrderForm';
import { DishCard } from './dish-card';
import { PriceBox } from './price-box';

import type { MealOrderFormHandle, MealOrderMode } from '../hooks/useMealOrderForm';
import type { MealPerson } from '../hooks/useMealPeople';

/** Big − and + around the portions of one dish. */
function PortionStepper({ dishId, form, limit }: { dishId: string; form: MealOrderFormHandle; limit: number }) {
  const quantity = form.quantities[dishId] ?? 0;
  return (
    <View className='meal-stepper'>
      <Button className='meal-stepper__minus' size='large' disabled={quantity <= 0} ariaLabel='少一份' onClick={() => form.step(dishId, -1)}>
        −
      </Button>
      <Text className='meal-stepper__value'>{quantity} 份</Text>
      <Button className='meal-stepper__plus' size='large' disabled={quantity >= limit} ariaLabel='多一份' onClick={() => form.step(dishId, 1)}>
        +
      </Button>
    </View>
  );
}

function PriceSummary({ form }: { form: MealOrderFormHandle }) {
  const { quote } = form;
  if (quote.status === 'ready') return <PriceBox price={quote.price} className='meal-form__price' />;
  if (form.grossFen === 0) return null;
  return (
    <View className='meal-price meal-form__price'>
      <Text className='meal-price__payable'>菜单价合计 {yuan(form.grossFen)}</Text>
      {quote.status === 'loading' && <Text className='meal-price__line'>正在计算补贴…</Text>}
      {quote.status === 'failed' && <Text className='meal-price__line'>{quote.message}</Text>}
      {quote.status === 'none' && <Text className='meal-price__line'>保存后按新的份数重新计算补贴和实付。</Text>}
    </View>
  );
}

export interface MealOrderFormProps {
  point: MealPointView;
  meal: MenuMealView;
  person: MealPerson;
  mode: MealOrderMode;
  /** The elder's meal balance, fen; null while unknown (the choice is still offered, the API decides). */
  balanceFen: number | null;
  /** After the order was placed or changed. */
  onSaved: (order: PlacedMealOrderView) => void;
}

/** 送餐: the address it goes to, and the door on the map if the resident points at it (the radius is checked then). */
function DeliveryPlace({ form, address }: { form: MealOrderFormHandle; address: string | null }) {
  const { place, message } = form.homePoint;
  return (
    <>
      <Text className='meal-form__line meal-form__address'>{address ? `送到：${address}` : MEAL_MESSAGES.NO_ADDRESS + '请先在“我的”里填写。'}</Text>
      <Button className='meal-form__place' size='large' block onClick={() => form.homePoint.choose()}>
        {place ? `已在地图上选：${place.name}（点此重选）` : '在地图上选家门位置（可不选）'}
      </Button>
      {message && <Text className='meal-form__line meal-form__place-hint'>{message}</Text>}
    </>
  );
}

/** The read-back of the form as it stands: for whom, which meal, the dishes, where and how it is had, what is paid. */
function mealSentence(point: MealPointView, meal: MenuMealView, person: MealPerson, mode: MealOrderMode, form: MealOrderFormHandle): string {
  const dishes = meal.dishes.filter((dish) => (form.quantities[dish.id] ?? 0) > 0).map((dish) => ({ name: dish.name, quantity: form.quantities[dish.id] }));
  const order = mode.kind === 'change' ? mode.order : null;
  return readBackSentence(
    {
      kind: 'order_meal',
      person: person.name,
      date: meal.mealDate,
      mealKind: meal.mealKind,
      point: point.name,
      dishes,
      fulfilment: order?.fulfilment ?? form.fulfilment ?? 'dine_in',
      payment: order?.paymentMethod ?? form.payment,
      payableFen: form.quote.status === 'ready' ? form.quote.price.total : null,
      address: person.address,
    },
    shanghaiDateOf(new Date()),
  );
}

/**
 * One meal for one person on one screen: portions per dish, 堂食/自取/送餐, 到店付, 助餐余额 or 微信支付, the price after subsidy,
 * then 确认订餐, which reads the order back (ReadBack) before its 确认 places it. Changing an order shows the same dishes
 * with the portions ordered.
 */
export function MealOrderForm({ point, meal, person, mode, balanceFen, onSaved }: MealOrderFormProps) {
  const form = useMealOrderForm(point, meal, person, mode, onSaved);
  const changing = mode.kind === 'change';
  if (form.reviewing) {
    const { submitState } = form;
    return (
      <View className='meal-form meal-form--review'>
        <ReadBack
          className='meal-confirm-step'
          title={changing ? '核对修改' : '核对订餐'}
          sentence={mealSentence(point, meal, person, mode, form)}
          message={submitState.status === 'failed' && <Text className='meal-form__message'>{submitState.message}</Text>}
          confirmClassName='meal-confirm'
          confirmText={changing ? '确认修改' : '确认订餐'}
          pending={submitState.status === 'pending'}
          onConfirm={form.submit}
          backClassName='meal-confirm-step__back'
          onBack={form.back}
        >
          <PriceSummary form={form} />
        </ReadBack>
      </View>
    );
  }
  const fulfilmentLabels = point.fulfilments.map((fulfilment) => MEAL_FULFILMENT_LABELS[fulfilment]);
  const paymentLabel = (method: MealPaymentMethod) =>
    method === 'balance' && balanceFen !== null ? `${MEAL_PAYMENT_METHOD_LABELS.balance}（余额 ${yuan(balanceFen)}）` : MEAL_PAYMENT_METHOD_LABELS[method];
  const paymentLabels = RESIDENT_PAYMENT_METHODS.map(paymentLabel);
  const { submitState } = form;
  return (
    <View className='meal-form'>
      <Text className='meal-form__title'>
        {changing ? '修改订单：' : ''}
        {person.name} · {dateLabel(meal.mealDate)} {MEAL_KIND_LABELS[meal.mealKind]}
      </Text>
      <Text className='meal-form__line'>
        {point.name}，{cutOffLabel(meal.cutOffAt, meal.mealDate)}
      </Text>

      <Text className='meal-form__label'>选菜和份数</Text>
      {meal.dishes.map((dish) => {
        const ordered = form.quantities[dish.id] ?? 0;
        // Portions left on the menu, plus those this order already holds when changing it.
        const left = dish.remaining === null ? MAX_PORTIONS : dish.remaining + (changing ? ordered : 0);
        return (
          <DishCard key={dish.id} dish={{ ...dish, remaining: dish.remaining === null ? null : left }}>
            <PortionStepper dishId={dish.id} form={form} limit={Math.min(MAX_PORTIONS, left)} />
          </DishCard>
        );
      })}

      {changing ? (
        <>
          <Text className='meal-form__line'>
            {MEAL_FULFILMENT_LABELS[mode.order.fulfilment]}，{MEAL_PAYMENT_METHOD_LABELS[mode.order.paymentMethod]}
          </Text>
          {/* The API refuses a WeChat Pay change that costs more (one amount per payment): said before, not after a tap. */}
          {mode.order.paymentMethod === 'wechat_pay' && <Text className='meal-form__line meal-form__wechat-pay-change'>{MEAL_MESSAGES.WECHAT_PAY_CHANGE}</Text>}
        </>
      ) : (
        <>
          <ChoiceGrid
            label='怎么用餐'
            options={fulfilmentLabels}
            value={form.fulfilment ? MEAL_FULFILMENT_LABELS[form.fulfilment] : null}
            onChange={(label) => form.chooseFulfilment(point.fulfilments[fulfilmentLabels.indexOf(label)])}
          />
          {form.fulfilment === 'delivery' && <DeliveryPlace form={form} address={person.address} />}
          <ChoiceGrid
            label='怎么付款'
            options={paymentLabels}
            value={paymentLabel(form.payment)}
            onChange={(label) => form.choosePayment(RESIDENT_PAYMENT_METHODS[paymentLabels.indexOf(label)])}
          />
        </>
      )}

      <PriceSummary form={form} />
      {submitState.status === 'failed' && <Text className='meal-form__message'>{submitState.message}</Text>}
      <SubmitButton className='meal-form__submit' pending={submitState.status === 'pending'} onClick={form.review}>
        {changing ? '保存修改' : '确认订餐'}
      </SubmitButton>
    </View>
  );
}
