import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { CentreSummary } from '@linli/shared';

import { RemoteRecord } from '../../components/remote-content';
import { useCentre } from '../../hooks/useCentres';
import { usePageId } from '../../hooks/usePageId';

import './index.scss';

function callCentre(centre: CentreSummary): void {
  void Taro.makePhoneCall({ phoneNumber: centre.phone });
}

/** Coordinates are stored as GCJ-02, the system WeChat's map expects, so no conversion is needed. */
function showOnMap(centre: CentreSummary): void {
  void Taro.openLocation({
    latitude: centre.latitude,
    longitude: centre.longitude,
    name: centre.name,
    address: centre.address,
    scale: 16,
  });
}

export function CentrePage() {
  const centre = useCentre(usePageId());

  return (
    <View className='page-root'>
      <RemoteRecord state={centre.state} onRetry={centre.retry} notFoundText='没有找到这个市民中心，请返回首页重新选择'>
        {(found) => (
          <View className='centre__card'>
            <Text className='centre__name'>{found.name}</Text>
            <Text className='centre__line'>所属：{found.regionName}</Text>
            <Text className='centre__line'>地址：{found.address}</Text>
            <Text className='centre__line'>电话：{found.phone}</Text>
            <Text className='centre__line'>开放时间：{found.openingHours}</Text>
            <Button className='centre__action' type='primary' size='large' block onClick={() => callCentre(found)}>
              拨打电话
            </Button>
            <Button className='centre__action' size='large' block onClick={() => showOnMap(found)}>
              在地图上查看
            </Button>
          </View>
        )}
      </RemoteRecord>
    </View>
  );
}

export default CentrePage;
