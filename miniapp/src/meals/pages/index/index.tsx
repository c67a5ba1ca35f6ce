import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MEAL_FULFILMENT_LABELS, MEAL_KIND_LABELS } from '@linli/shared';

import type { MealPointListItem, MenuMealView, MenuView, SessionAccount } from '@linli/shared';

import { ChoiceGrid } from '../../../components/choice-grid';
import { LinkEntry } from '../../../components/link-entry';
import { PageRoot } from '../../../components/page-root';
import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { ResidentGate } from '../../../components/resident-gate';
import { formatDistance } from '../../../hooks/useCentreOrder';
import { ROUTES, openPage, pageUrlWithQuery } from '../../../navigation/routes';
import { cutOffLabel, mealDayLabel } from '../../../texts/meal-messages';
import { DishCard } from '../../components/dish-card';
import { PersonChoice } from '../../components/person-choice';
import { PriceBox } from '../../components/price-box';
import { useDishPrices, useMealMenu } from '../../hooks/useMealMenu';
import { useMealPeople } from '../../hooks/useMealPeople';
import { useMealPoints } from '../../hooks/useMealPoints';

import type { DishPrices } from '../../hooks/useMealMenu';
import type { MealPerson } from '../../hooks/useMealPeople';

import '../../components/meals.scss';

/** Why a meal takes no orders now, in a few words; null when it does. */
function closedNote(meal: MenuMealView): string | null {
  if (meal.closedReason) return `停餐：${meal.closedReason}`;
  if (meal.orderable) return null;
  return meal.capacityLeft <= 0 ? '这一餐已订满' : '已过订餐截止时间';
}

function MealSection({ point, person, meal, prices }: { point: MealPointListItem; person: MealPerson; meal: MenuMealView; prices: DishPrices | null }) {
  const note = closedNote(meal);
  const order = (dishId: string) => openPage(pageUrlWithQuery(ROUTES.mealOrder, { point: point.id, date: meal.mealDate, kind: meal.mealKind, dish: dishId, person: person.id }));
  return (
    <View className={`meal-section${note ? ' meal-section--closed' : ''}`} data-meal={meal.mealKind}>
      <View className='meal-section__head'>
        <Text className='meal-section__kind'>{MEAL_KIND_LABELS[meal.mealKind]}</Text>
        <Text className='meal-section__cut-off'>{note ?? cutOffLabel(meal.cutOffAt, meal.mealDate)}</Text>
      </View>
      {meal.dishes.length === 0 && <Text className='meal-section__line'>这一餐还没有菜单。</Text>}
      {meal.dishes.map((dish) => {
        const price = prices?.[dish.id];
        const canOrder = !note && dish.remaining !== 0;
        return (
          <DishCard key={dish.id} dish={dish}>
            {price && <PriceBox price={price} />}
            {canOrder && (
              <Button className='dish-card__order' type='primary' size='large' block onClick={() => order(dish.id)}>
                订这份{MEAL_KIND_LABELS[meal.mealKind]}
              </Button>
            )}
          </DishCard>
        );
      })}
    </View>
  );
}

function DayMeals({ point, person, menu, date, meals }: { point: MealPointListItem; person: MealPerson; menu: MenuView; date: string; meals: MenuMealView[] }) {
  const prices = useDishPrices(point, menu, date, person.id);
  if (meals.length === 0) return <Text className='meals__note'>这一天不供餐。</Text>;
  return (
    <>
      {prices.status === 'ready' && point.fulfilments[0] && (
        <Text className='meals__hint'>
          价格是{person.name}订一份（{MEAL_FULFILMENT_LABELS[point.fulfilments[0]]}）补贴后要付的钱。
        </Text>
      )}
      {meals.map((meal) => (
        <MealSection key={meal.mealKind} point={point} person={person} meal={meal} prices={prices.status === 'ready' ? prices.data : null} />
      ))}
    </>
  );
}

function PointMenu({ point, person }: { point: MealPointListItem; person: MealPerson }) {
  const menu = useMealMenu(point.id);
  const labels = menu.dates.map((date) => mealDayLabel(date));
  return (
    <>
      <ChoiceGrid label='哪天吃' options={labels} value={mealDayLabel(menu.date)} onChange={(label) => menu.chooseDate(menu.dates[labels.indexOf(label)])} />
      <RemoteContent state={menu.state} onRetry={menu.retry} emptyText=''>
        {(found) => <DayMeals point={point} person={person} menu={found} date={menu.date} meals={menu.mealsOf(found)} />}
      </RemoteContent>
    </>
  );
}

function PointCard({ point, person, selected, onChoose }: { point: MealPointListItem; person: MealPerson; selected: boolean; onChoose?: () => void }) {
  return (
    <View className={`meal-point${selected ? ' meal-point--selected' : ''}`} ariaRole={onChoose ? 'radio' : undefined} onClick={onChoose}>
      <Text className='meal-point__name'>{point.name}</Text>
      {point.servesMyCommunity && <Text className='meal-point__mine'>{person.relation === '本人' ? '为您所在社区供餐' : `为${person.name}所在社区供餐`}</Text>}
      <Text className='meal-point__line'>{point.address}</Text>
      {point.meters !== null && <Text className='meal-point__line'>{formatDistance(point.meters)}</Text>}
    </View>
  );
}

function PointsFor({ person }: { person: MealPerson }) {
  const points = useMealPoints(person);
  return (
    <RemoteContent state={points.state} onRetry={points.retry} isEmpty={isEmptyList} emptyText='附近还没有助餐点，请过些天再来看看。'>
      {(found) =>
        points.point && (
          <>
            <Text className='meals__label'>助餐点</Text>
            {found.map((point) => (
              <PointCard
                key={point.id}
                point={point}
                person={person}
                selected={found.length > 1 && point.id === points.point!.id}
                onChoose={found.length > 1 ? () => points.choose(point.id) : undefined}
              />
            ))}
            <PointMenu key={points.point.id} point={points.point} person={person} />
          </>
        )
      }
    </RemoteContent>
  );
}

function MealsFor({ account }: { account: SessionAccount }) {
  const people = useMealPeople(account);
  const { person } = people;
  return (
    <RemoteContent state={people.state} onRetry={people.retry} isEmpty={isEmptyList} emptyText='请先在“我的”里填写您的信息'>
      {(found) =>
        person && (
          <>
            <PersonChoice label='为谁订餐' people={found} person={person} onChoose={people.choose} />
            <PointsFor key={person.id} person={person} />
            <View className='meals__links'>
              <LinkEntry className='meals__orders-link' label='我的订餐' hint='取餐码、修改、取消' url={ROUTES.mealOrders} />
              <LinkEntry className='meals__balance-link' label='助餐余额' hint={`${person.name}的余额和明细`} url={pageUrlWithQuery(ROUTES.mealBalance, { person: person.id })} />
            </View>
          </>
        )
      }
    </RemoteContent>
  );
}

/** `/meals/pages/index/index`: 老年助餐 — for whom, the meal points, today's and tomorrow's menus with the price after subsidy. */
export function MealsHomePage() {
  return (
    <PageRoot className='meals'>
      <Text className='meals__title'>老年助餐</Text>
      <Text className='meals__line'>社区食堂的饭菜，可以为自己或家里的老人订。</Text>
      <ResidentGate staffHint='工作人员为老人订餐，请到工作台。'>{(account) => <MealsFor key={account.id} account={account} />}</ResidentGate>
    </PageRoot>
  );
}

export default MealsHomePage;
