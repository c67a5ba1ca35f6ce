import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { SERVICE_MODE_LABELS } from '@linli/shared';

import type { CategoryWithServices, CentreSummary, ServiceSummary } from '@linli/shared';

import { PageRoot } from '../../components/page-root';
import { isEmptyList, RemoteContent, RemoteRecord } from '../../components/remote-content';
import { useCentreServices } from '../../hooks/useCatalogue';
import { useCentre } from '../../hooks/useCentres';
import { usePageId } from '../../hooks/usePageId';
import { showOnMap } from '../../device/map';
import { openBooking, openService } from '../../navigation/routes';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';

import './index.scss';

function callCentre(centre: CentreSummary): void {
  void Taro.makePhoneCall({ phoneNumber: centre.phone });
}

function CentreCard({ centre }: { centre: CentreSummary }) {
  const [mapFailed, setMapFailed] = useState(false);
  const openMap = () => {
    setMapFailed(false);
    showOnMap(centre).catch(() => setMapFailed(true));
  };
  return (
    <View className='centre__card'>
      <Text className='centre__name'>{centre.name}</Text>
      <Text className='centre__line'>所属：{centre.regionName}</Text>
      <Text className='centre__line'>地址：{centre.address}</Text>
      <Text className='centre__line'>电话：{centre.phone}</Text>
      <Text className='centre__line'>开放时间：{centre.openingHours}</Text>
      <Button className='centre__action' type='primary' size='large' block onClick={() => callCentre(centre)}>
        拨打电话
      </Button>
      <Button className='centre__action centre__map' size='large' block onClick={openMap}>
        在地图上查看
      </Button>
      {mapFailed && <Text className='centre__message'>打不开地图，请按上面的地址前往，或打电话问路。</Text>}
    </View>
  );
}

function OfferedService({ service, centreId }: { service: ServiceSummary; centreId: string }) {
  return (
    <View className='centre-service'>
      <Text className='centre-service__name'>{service.name}</Text>
      <Text className='centre-service__mode'>{SERVICE_MODE_LABELS[service.mode]}</Text>
      <View className='centre-service__actions'>
        <Button className='centre-service__book' type='primary' size='large' onClick={() => openBooking(service.id, service.mode, centreId)}>
          预约
        </Button>
        <Button className='centre-service__detail' size='large' onClick={() => openService(service.id)}>
          详情
        </Button>
      </View>
    </View>
  );
}

/** The services the centre offers now, by category, each with 预约 straight into the booking steps. */
function OfferedServices({ centreId, services }: { centreId: string; services: RemoteDataHandle<CategoryWithServices[]> }) {
  return (
    <View className='centre__services'>
      <Text className='centre__title'>在这里可以办理</Text>
      <RemoteContent state={services.state} onRetry={services.retry} isEmpty={isEmptyList} emptyText='这个市民中心暂时没有可预约的服务'>
        {(categories) =>
          categories.map((category) => (
            <View key={category.id} className='centre__category'>
              <Text className='centre__category-name'>{category.name}</Text>
              {category.services.map((service) => (
                <OfferedService key={service.id} service={service} centreId={centreId} />
              ))}
            </View>
          ))
        }
      </RemoteContent>
    </View>
  );
}

/** `/pages/centre/index?id=<centreId>`: where a centre is, how to reach it, and what can be booked there. */
export function CentrePage() {
  const id = usePageId();
  const centre = useCentre(id);
  const services = useCentreServices(id);

  return (
    <PageRoot>
      <RemoteRecord state={centre.state} onRetry={centre.retry} notFoundText='没有找到这个市民中心，请返回首页重新选择'>
        {(found) => (
          <>
            <CentreCard centre={found} />
            <OfferedServices centreId={id} services={services} />
          </>
        )}
      </RemoteRecord>
    </PageRoot>
  );
}

export default CentrePage;
