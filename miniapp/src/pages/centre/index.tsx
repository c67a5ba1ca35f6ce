import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { CentreSummary } from '@linli/shared';

import { RemoteContent } from '../../components/remote-content';
import { useCentre } from '../../hooks/useCentres';

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
  const { params } = useRouter();
  const centre = useCentre(decodeURIComponent(params.id ?? ''));

  return (
    <View className='page-root'>
      <RemoteContent
        state={centre.state}
        onRetry={centre.retry}
        isEmpty={(found) => found === null}
        emptyText='没有找到这个市民中心，请返回首页重新选择'
      >
        {(found) =>
          found && (
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
          )
        }
      </RemoteContent>
    </View>
  );
}

export default CentrePage;
