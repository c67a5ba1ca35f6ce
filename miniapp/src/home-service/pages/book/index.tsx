import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';

import type { ServiceDetail, ServiceOrderView, SessionAccount } from '@linli/shared';

import { HomeOrderForm } from '../../../components/home-order-form';
import { PageRoot } from '../../../components/page-root';
import { isEmptyList, RemoteContent, RemoteRecord } from '../../../components/remote-content';
import { ResidentGate } from '../../../components/resident-gate';
import { useServiceDetail } from '../../../hooks/useCatalogue';
import { useHomeOrderPeople } from '../../../hooks/useHomeOrderForm';
import { usePageId, usePageParam } from '../../../hooks/usePageId';
import { ROUTES, pageUrlWithId } from '../../../navigation/routes';

import '../../components/home-order.scss';

function ForResident({ service, account }: { service: ServiceDetail; account: SessionAccount }) {
  const people = useHomeOrderPeople(account);
  // Opened from a centre's page (…&centre=<id>): that centre is chosen in advance.
  const centreId = usePageParam('centre') || undefined;
  const open = (order: ServiceOrderView) => void Taro.redirectTo({ url: pageUrlWithId(ROUTES.homeOrder, order.id) });
  return (
    <RemoteContent state={people.state} onRetry={people.retry} isEmpty={isEmptyList} emptyText='请先在“我的”里填写您的信息'>
      {(found) => <HomeOrderForm service={service} people={found} onCreated={open} centreId={centreId} showContact />}
    </RemoteContent>
  );
}

/** `/home-service/pages/book/index?id=<serviceId>`: ask for a home visit in one short screen. */
export function HomeOrderBookPage() {
  const service = useServiceDetail(usePageId());
  return (
    <PageRoot className='home-book'>
      <RemoteRecord state={service.state} onRetry={service.retry} notFoundText='没有找到这项服务，可能已经下线，请返回重新选择'>
        {(found) => (
          <>
            <Text className='home-book__title'>上门服务：{found.name}</Text>
            <Text className='home-book__line'>服务人员会在您选的时间段内上门，接单后会显示服务人员和电话。</Text>
            {found.centres.length === 0 ? (
              <Text className='home-form__message'>暂时没有市民中心安排这项上门服务，请过几天再来看看。</Text>
            ) : (
              <ResidentGate staffHint='上门服务请居民本人或家人在小程序里预约。'>{(account) => <ForResident key={account.id} service={found} account={account} />}</ResidentGate>
            )}
          </>
        )}
      </RemoteRecord>
    </PageRoot>
  );
}

export default HomeOrderBookPage;
