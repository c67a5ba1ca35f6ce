import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';

import type { ResidentProfile, ServiceDetail, ServiceOrderView, ServiceSummary } from '@linli/shared';

import { BookingFlow } from '../../../components/booking-flow';
import { HomeOrderForm } from '../../../components/home-order-form';
import { RemoteContent, RemoteRecord } from '../../../components/remote-content';
import { useBookableServices } from '../../hooks/useBookableServices';
import { useServiceDetail } from '../../../hooks/useCatalogue';
import { ROUTES, openPage, pageUrlWithId } from '../../../navigation/routes';
import { ResidentPicker } from '../../components/resident-picker';
import { ResidentContact } from '../../components/resident-contact';
import { StaffDeskPage } from '../../components/staff-gate';

import '../../components/staff-desk.scss';

/** Between the resident and the service on one line, as Chinese text spaces two fields (U+3000). */
const FULL_WIDTH_SPACE = '\u3000';

function ServiceStep({ onPick }: { onPick: (service: ServiceSummary) => void }) {
  const { services: bookable, ...catalogue } = useBookableServices({ withHome: true });
  return (
    <View className='staff-desk__block'>
      <Text className='staff-desk__label'>2. 选择服务</Text>
      <RemoteContent state={catalogue.state} onRetry={catalogue.retry} isEmpty={() => bookable.length === 0} emptyText='暂时没有可预约的服务'>
        {() =>
          bookable.map((service) => (
            <View
              key={service.id}
              className={`staff-service${service.mode === 'home' ? ' staff-service--home' : ''}`}
              hoverClass='staff-service--pressed'
              onClick={() => onPick(service)}
            >
              <Text className='staff-service__title'>{service.name}</Text>
              {service.mode === 'home' && <Text className='staff-service__tag'>上门服务</Text>}
            </View>
          ))
        }
      </RemoteContent>
    </View>
  );
}

/** 上门服务 for the chosen resident: the residents' own short form, with the address on the resident's record. */
function HomeStep({ resident, service }: { resident: ResidentProfile; service: ServiceDetail }) {
  const people = useMemo(() => [{ id: resident.id, name: resident.name, relation: '居民', communityId: resident.communityId, address: resident.address }], [resident]);
  // The order desk shows the new order and where dispatch stands.
  const openDesk = (order: ServiceOrderView) => void Taro.redirectTo({ url: pageUrlWithId(ROUTES.staffDispatchOrder, order.id) });
  if (service.centres.length === 0) return <Text className='staff-desk__line'>暂时没有市民中心安排这项上门服务。</Text>;
  return (
    <>
      <Text className='staff-desk__line'>服务人员会在选的时间段内上门。提交后可在订单页跟进派单。</Text>
      <HomeOrderForm service={service} people={people} onCreated={openDesk} />
    </>
  );
}

function BookStep({ resident, serviceId, onAgain }: { resident: ResidentProfile; serviceId: string; onAgain: () => void }) {
  const service = useServiceDetail(serviceId);
  const people = useMemo(() => [{ id: resident.id, name: resident.name, relation: '居民', communityId: resident.communityId }], [resident]);
  return (
    <RemoteRecord state={service.state} onRetry={service.retry} notFoundText='没有找到这项服务'>
      {(found) =>
        found.mode === 'home' ? (
          <HomeStep resident={resident} service={found} />
        ) : (
          <BookingFlow
            service={found}
            people={people}
            successActions={
              <>
                <Button className='staff-desk__button staff-book-again' type='primary' size='large' block onClick={onAgain}>
                  再为其他居民预约
                </Button>
                <Button className='staff-desk__button' size='large' block onClick={() => openPage(ROUTES.staffBookings)}>
                  查看今日预约
                </Button>
              </>
            }
          />
        )
      }
    </RemoteRecord>
  );
}

function Desk() {
  const [resident, setResident] = useState<ResidentProfile | null>(null);
  const [service, setService] = useState<ServiceSummary | null>(null);
  const startOver = () => {
    setResident(null);
    setService(null);
  };
  return (
    <>
      <Text className='staff-desk__title'>代居民预约</Text>
      <Text className='staff-desk__line'>为到窗口或打电话来的居民预约，预约会算在居民本人名下。</Text>
      {!resident && <ResidentPicker label='1. 找到居民' onPick={setResident} />}
      {resident && (
        <View className='staff-desk__block'>
          <Text className='staff-desk__label'>
            居民：{resident.name}
            {service ? `${FULL_WIDTH_SPACE}服务：${service.name}` : ''}
          </Text>
          <ResidentContact key={resident.id} resident={resident} />
          <Button className='staff-desk__button' size='large' block onClick={startOver}>
            换一位居民
          </Button>
        </View>
      )}
      {resident && !service && <ServiceStep onPick={setService} />}
      {resident && service && <BookStep key={`${resident.id}:${service.id}`} resident={resident} serviceId={service.id} onAgain={startOver} />}
    </>
  );
}

/**
 * 代居民预约: find the resident by name, pick the service, then the same slot picker and confirm as residents; for a
 * 上门服务 the residents' short home form, then the order desk of the new order.
 */
export function StaffBookPage() {
  return <StaffDeskPage title='代居民预约' desk={() => <Desk />} />;
}

export default StaffBookPage;
