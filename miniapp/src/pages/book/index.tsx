import { Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { SessionAccount, ServiceDetail } from '@linli/shared';

import { BookingFlow } from '../../components/booking-flow';
import { PageRoot } from '../../components/page-root';
import { isEmptyList, RemoteContent, RemoteRecord } from '../../components/remote-content';
import { ResidentGate } from '../../components/resident-gate';
import { useBookingPeople } from '../../hooks/useBookingPeople';
import { useServiceDetail } from '../../hooks/useCatalogue';
import { usePageId, usePageParam } from '../../hooks/usePageId';
import { openBooking, openOrdersTab } from '../../navigation/routes';

import './index.scss';

function ForResident({ service, account }: { service: ServiceDetail; account: SessionAccount }) {
  const people = useBookingPeople(account);
  // Opened from a centre's page (…&centre=<id>): that centre is chosen in advance.
  const centreId = usePageParam('centre') || undefined;
  return (
    <RemoteContent state={people.state} onRetry={people.retry} isEmpty={isEmptyList} emptyText='请先在“我的”里填写您的信息'>
      {(found) => (
        <BookingFlow
          service={service}
          people={found}
          centreId={centreId}
          showContact
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

/** `/pages/book/index?id=<serviceId>`: the booking steps of one service. */
export function BookPage() {
  const service = useServiceDetail(usePageId());
  return (
    <PageRoot className='book'>
      <RemoteRecord state={service.state} onRetry={service.retry} notFoundText='没有找到这项服务，可能已经下线，请返回重新选择'>
        {(found) => (
          <>
            <Text className='book__title'>预约：{found.name}</Text>
            {found.mode === 'home' ? (
              // An old link to a home service: its own short form takes the request.
              <Button className='book__home' type='primary' size='large' block onClick={() => openBooking(found.id, found.mode)}>
                预约上门服务
              </Button>
            ) : (
              <ResidentGate staffHint='工作人员请在工作台使用“代居民预约”。'>{(account) => <ForResident key={account.id} service={found} account={account} />}</ResidentGate>
            )}
          </>
        )}
      </RemoteRecord>
    </PageRoot>
  );
}

export default BookPage;
