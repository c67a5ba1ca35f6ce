import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { SessionAccount, ServiceDetail } from '@linli/shared';

import { BookingFlow } from '../../components/booking-flow';
import { Notice } from '../../components/notice';
import { isEmptyList, RemoteContent, RemoteRecord } from '../../components/remote-content';
import { useBookingPeople } from '../../hooks/useBookingPeople';
import { useServiceDetail } from '../../hooks/useCatalogue';
import { usePageId } from '../../hooks/usePageId';
import { useSession } from '../../hooks/useSession';
import { BOOKING_MESSAGES } from '../../services/booking-messages';
import { ROUTES, openMeTab, openOrdersTab, openPage } from '../../services/routes';

import './index.scss';

function ForResident({ service, account }: { service: ServiceDetail; account: SessionAccount }) {
  const people = useBookingPeople(account);
  return (
    <RemoteContent state={people.state} onRetry={people.retry} isEmpty={isEmptyList} emptyText='请先在“我的”里填写您的信息'>
      {(found) => (
        <BookingFlow
          service={service}
          people={found}
          successActions={
            <Button className='book__to-orders' type='primary' size='large' block onClick={openOrdersTab}>
              查看我的订单
            </Button>
          }
        />
      )}
    </RemoteContent>
  );
}

/** Who may book here: a signed-in resident who accepted the privacy terms. Everyone else is told what to do. */
function Gate({ service }: { service: ServiceDetail }) {
  const { state } = useSession();
  if (state.status === 'checking') return <Text className='book__line'>正在登录，请稍候…</Text>;
  if (state.status === 'signed-out') {
    return (
      <>
        <Notice title='请先登录' lines={['登录后就可以预约，也可以为家人预约。']} />
        <Button className='book__login' type='primary' size='large' block onClick={() => openPage(ROUTES.login)}>
          去登录
        </Button>
      </>
    );
  }
  const { account } = state;
  if (account.role !== 'resident' || !account.residentId) {
    return <Notice title='请用居民账号预约' lines={['工作人员请在工作台使用“代居民预约”。']} />;
  }
  if (account.consentRequired) {
    return (
      <>
        <Notice title='请先同意隐私政策' lines={[BOOKING_MESSAGES.CONSENT_REQUIRED]} />
        <Button className='book__consent' type='primary' size='large' block onClick={openMeTab}>
          去“我的”
        </Button>
      </>
    );
  }
  return <ForResident key={account.id} service={service} account={account} />;
}

/** `/pages/book/index?id=<serviceId>`: the booking steps of one service. */
export function BookPage() {
  const service = useServiceDetail(usePageId());
  return (
    <View className='page-root book'>
      <RemoteRecord state={service.state} onRetry={service.retry} notFoundText='没有找到这项服务，可能已经下线，请返回重新选择'>
        {(found) => (
          <>
            <Text className='book__title'>预约：{found.name}</Text>
            <Gate service={found} />
          </>
        )}
      </RemoteRecord>
    </View>
  );
}

export default BookPage;
