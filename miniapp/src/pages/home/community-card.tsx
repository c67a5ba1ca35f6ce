import { Text, View } from '@tarojs/components';

import type { CommunitySummary } from '@linli/shared';

export interface CommunityCardProps {
  community: CommunitySummary;
}

export function CommunityCard({ community }: CommunityCardProps) {
  return (
    <View className='community-card'>
      <Text className='community-card__name'>{community.name}</Text>
      <Text className='community-card__line'>
        {community.districtName} · {community.streetName}
      </Text>
      <Text className='community-card__line'>市民中心 {community.centreCount} 个</Text>
    </View>
  );
}
