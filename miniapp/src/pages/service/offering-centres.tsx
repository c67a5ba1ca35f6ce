import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { ServiceDetail } from '@linli/shared';

import { formatDistance, useCentreOrder } from '../../hooks/useCentreOrder';
import { openPage } from '../../navigation/routes';
import { centrePageUrl } from '../centre/url';

import type { LocationState } from '../../hooks/useCentreOrder';

export interface OfferingCentresProps {
  service: ServiceDetail;
}

const LOCATION_LINES: Record<LocationState, string | null> = {
  idle: null,
  locating: '正在获取您的位置…',
  located: '已按离您的距离排列，最近的在最前面。',
  refused: '没有拿到您的位置，仍按本社区优先排列。您也可以看“所属”和地址自己选择。',
};

function CentreList({ service }: OfferingCentresProps) {
  const { ordered, location, sortByDistance } = useCentreOrder(service.centres);
  const line = LOCATION_LINES[location];
  return (
    <>
      {service.centres.length > 1 && location !== 'located' && (
        <Button className='offering-centres__by-distance' size='large' block loading={location === 'locating'} onClick={sortByDistance}>
          按距离排序
        </Button>
      )}
      {line && <Text className={`offering-centres__location offering-centres__location--${location}`}>{line}</Text>}
      {ordered.map(({ centre, mine, meters }) => (
        <View key={centre.centreId} className='offering-centre' hoverClass='offering-centre--pressed' onClick={() => openPage(centrePageUrl(centre.centreId))}>
          <Text className='offering-centre__name'>{centre.centreName}</Text>
          {(mine || meters !== null) && (
            <View className='offering-centre__tags'>
              {mine && <Text className='offering-centre__tag offering-centre__mine'>本社区</Text>}
              {meters !== null && <Text className='offering-centre__tag offering-centre__distance'>{formatDistance(meters)}</Text>}
            </View>
          )}
          <Text className='offering-centre__line'>所属：{centre.regionName}</Text>
          <Text className='offering-centre__line'>地址：{centre.address}</Text>
          {centre.notes && <Text className='offering-centre__note'>中心提示：{centre.notes}</Text>}
          <Text className='offering-centre__more'>电话和地图 ›</Text>
        </View>
      ))}
    </>
  );
}

/**
 * Where the service can be had: the centres offering it now (each opens the centre's page, with its phone and map),
 * or, for home services, who comes to the door.
 */
export function OfferingCentres({ service }: OfferingCentresProps) {
  if (service.mode === 'home') {
    return <Text className='service__text'>上门服务，由服务机构派人上门</Text>;
  }
  if (service.centres.length === 0) {
    return <Text className='service__text'>暂时没有市民中心提供这项服务，请过几天再来看看。</Text>;
  }
  return <CentreList service={service} />;
}
