import { Text, View } from '@tarojs/components';

import type { CentreSummary } from '@linli/shared';

export interface CentreCardProps {
  centre: CentreSummary;
  onOpen: (centre: CentreSummary) => void;
}

export function CentreCard({ centre, onOpen }: CentreCardProps) {
  return (
    <View className='centre-card' hoverClass='centre-card--pressed' onClick={() => onOpen(centre)}>
      <Text className='centre-card__name'>{centre.name}</Text>
      <Text className='centre-card__line'>地址：{centre.address}</Text>
      <Text className='centre-card__line'>电话：{centre.phone}</Text>
      <Text className='centre-card__line'>开放时间：{centre.openingHours}</Text>
      <Text className='centre-card__more'>查看详情 ›</Text>
    </View>
  );
}
