import { Text, View } from '@tarojs/components';

import type { ServiceDetail } from '@linli/shared';

import { openPage } from '../../services/routes';
import { centrePageUrl } from '../centre/url';

export interface OfferingCentresProps {
  service: ServiceDetail;
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
  return (
    <>
      {service.centres.map((centre) => (
        <View
          key={centre.centreId}
          className='offering-centre'
          hoverClass='offering-centre--pressed'
          onClick={() => openPage(centrePageUrl(centre.centreId))}
        >
          <Text className='offering-centre__name'>{centre.centreName}</Text>
          <Text className='offering-centre__line'>所属：{centre.regionName}</Text>
          <Text className='offering-centre__line'>地址：{centre.address}</Text>
          {centre.notes && <Text className='offering-centre__note'>中心提示：{centre.notes}</Text>}
          <Text className='offering-centre__more'>电话和地图 ›</Text>
        </View>
      ))}
    </>
  );
}
