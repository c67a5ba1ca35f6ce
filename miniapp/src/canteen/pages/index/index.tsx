import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MEAL_FULFILMENT_LABELS, MEAL_KIND_LABELS } from '@linli/shared';

import type { MealPointView } from '@linli/shared';

import { FailedSignInsNotice } from '../../../components/failed-sign-ins-notice';
import { LinkEntry } from '../../../components/link-entry';
import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { useSession } from '../../../hooks/useSession';
import { pageUrlWithId, ROUTES } from '../../../navigation/routes';
import { CanteenPage } from '../../components/canteen-gate';
import { useMealPoints } from '../../hooks/useMealPoints';

function PointCard({ point }: { point: MealPointView }) {
  const meals = point.windows.map(
    (window) => `${MEAL_KIND_LABELS[window.mealKind]} ${window.servesFrom}–${window.servesUntil}（${window.cutOffTime} 截止，${window.capacity} 份）`,
  );
  return (
    <View className='canteen-point' data-point={point.id}>
      <Text className='canteen-point__title'>{point.name}</Text>
      <Text className='canteen-point__line'>{point.address}</Text>
      {meals.map((meal) => (
        <Text key={meal} className='canteen-point__line'>
          {meal}
        </Text>
      ))}
      <Text className='canteen-point__line'>
        {point.fulfilments.map((fulfilment) => MEAL_FULFILMENT_LABELS[fulfilment]).join('、')} · 服务：{point.communities.map((community) => community.name).join('、')}
      </Text>
      <LinkEntry className='canteen-point__counter' label='今日订单 · 取餐' hint='扫码或输入取餐码核销，按姓名查找' url={pageUrlWithId(ROUTES.canteenCounter, point.id)} />
      <LinkEntry className='canteen-point__kitchen' label='后厨统计' hint='截止后每道菜、每种口味的份数，可打印' url={pageUrlWithId(ROUTES.canteenKitchen, point.id)} />
      <LinkEntry className='canteen-point__menu' label='菜单' hint='一周菜单、复制上周、停餐' url={pageUrlWithId(ROUTES.canteenMenu, point.id)} />
      {point.fulfilments.includes('delivery') && (
        <LinkEntry className='canteen-point__delivery' label='送餐路线' hint='按社区分趟、逐户排序，截止后派给送餐员' url={pageUrlWithId(ROUTES.canteenDelivery, point.id)} />
      )}
    </View>
  );
}

function Points() {
  const points = useMealPoints();
  return (
    <RemoteContent state={points.state} onRetry={points.retry} isEmpty={isEmptyList} emptyText='您还没有助餐点'>
      {(items) => (
        <>
          {items.map((point) => (
            <PointCard key={point.id} point={point} />
          ))}
          <LinkEntry className='canteen__settlement' label='补贴结算' hint='每月和区里结算的助餐补贴，逐餐列出' url={ROUTES.canteenSettlement} />
        </>
      )}
    </RemoteContent>
  );
}

/**
 * `/canteen/pages/index/index`: a canteen operator's meal points, each with its counter, kitchen counts and menu, and the
 * canteen's monthly 补贴结算.
 */
export function CanteenHomePage() {
  const { signOut } = useSession();
  return (
    <CanteenPage title='助餐点管理'>
      {(account) => (
        <>
          <FailedSignInsNotice accountId={account.id} />
          <Text className='canteen__title'>您好，{account.displayName}</Text>
          <Points />
          {account.role === 'provider_admin' && (
            <Button className='canteen__logout' size='large' block onClick={() => void signOut()}>
              退出登录
            </Button>
          )}
        </>
      )}
    </CanteenPage>
  );
}

export default CanteenHomePage;
