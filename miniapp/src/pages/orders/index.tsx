import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import { ContactCommunity } from '../../components/contact-community';
import { LinkEntry } from '../../components/link-entry';
import { Notice } from '../../components/notice';
import { PageRoot } from '../../components/page-root';
import { RemoteContent } from '../../components/remote-content';
import { OrderListCard } from '../../components/order-details';
import { useMyBookings } from '../../hooks/useMyBookings';
import { useMyHomeOrders } from '../../hooks/useMyHomeOrders';
import { usePullToReload, useReloadOnReturn } from '../../hooks/usePolling';
import { useSession } from '../../hooks/useSession';
import { ROUTES, openHomeOrder, openMeTab, openPage } from '../../navigation/routes';
import { BookingCard } from './booking-card';
import { WaitlistSection } from './waitlist-section';

import type { BookingView } from '@linli/shared';
import type { MyBookingsHandle } from '../../hooks/useMyBookings';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';
import type { ServiceOrderView } from '@linli/shared';

import './index.scss';

function Section({ title, bookings, orders }: { title: string; bookings: BookingView[]; orders: MyBookingsHandle }) {
  if (bookings.length === 0) return null;
  return (
    <View className='orders__section'>
      <Text className='orders__heading'>{title}</Text>
      {bookings.map((booking) => (
        <BookingCard key={booking.id} booking={booking} orders={orders} />
      ))}
    </View>
  );
}

/** 上门服务 orders, each opening its own page; a failed load says so here without hiding the bookings. */
function HomeOrdersSection({ homeOrders }: { homeOrders: RemoteDataHandle<ServiceOrderView[]> }) {
  const { state } = homeOrders;
  if (state.status === 'error') {
    return (
      <View className='orders__section orders__home-error'>
        <Text className='orders__note'>上门服务订单没有加载出来：{state.error.message}</Text>
        <Button className='orders__home-retry' size='large' block onClick={homeOrders.retry}>
          重新加载上门服务订单
        </Button>
      </View>
    );
  }
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <View className='orders__section orders__home'>
      <Text className='orders__heading'>上门服务</Text>
      {state.data.map((order) => (
        <OrderListCard key={order.id} order={order} onOpen={() => openHomeOrder(order.id)} />
      ))}
    </View>
  );
}

function Orders() {
  const orders = useMyBookings();
  const homeOrders = useMyHomeOrders();
  const retry = () => {
    orders.retry();
    homeOrders.retry();
  };
  const hasHomeOrders = homeOrders.state.status === 'ready' && homeOrders.state.data.length > 0;
  // A tab page stays mounted: load again whenever it comes back into view (after booking, say).
  useReloadOnReturn(retry);
  usePullToReload(retry);

  return (
    <RemoteContent
      state={orders.state}
      onRetry={retry}
      isEmpty={(data) => data.bookings.length === 0 && orders.waitlistShown.length === 0 && !hasHomeOrders}
      emptyText='还没有预约。在“服务”里选一项服务，点“预约”即可。'
    >
      {() => (
        <>
          <HomeOrdersSection homeOrders={homeOrders} />
          <Section title='即将到来' bookings={orders.groups.upcoming} orders={orders} />
          <WaitlistSection orders={orders} />
          <Section title='已结束' bookings={orders.groups.ended} orders={orders} />
          <Section title='已取消' bookings={orders.groups.cancelled} orders={orders} />
        </>
      )}
    </RemoteContent>
  );
}

export function OrdersPage() {
  const { state } = useSession();
  let content;
  if (state.status === 'signed-in' && state.account.consentRequired) {
    content = (
      <>
        <Notice title='请先同意隐私政策' lines={['同意后才能查看和管理您的预约。']} />
        <Button className='orders__consent' type='primary' size='large' block onClick={openMeTab}>
          去“我的”
        </Button>
      </>
    );
  } else if (state.status === 'signed-in') {
    content = (
      <>
        {/* Meal orders have their own list in the meals subpackage (with the pickup code): one row leads there. */}
        {state.account.role === 'resident' && <LinkEntry className='orders__meals' label='助餐订单' hint='取餐码、修改、取消' url={ROUTES.mealOrders} />}
        <Orders key={state.account.id} />
        {state.account.role === 'resident' && <ContactCommunity communityId={state.account.regionId} />}
      </>
    );
  } else {
    content = (
      <>
        <Notice title='登录后查看订单' lines={['您和家人的预约都会显示在这里。']} />
        <Button className='orders__login' type='primary' size='large' block onClick={() => openPage(ROUTES.login)}>
          去登录
        </Button>
      </>
    );
  }
  return <PageRoot className='orders'>{content}</PageRoot>;
}

export default OrdersPage;
