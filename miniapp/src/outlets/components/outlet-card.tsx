import { Text, View } from '@tarojs/components';
import { describeOpenState, OUTLET_ELDER_FEATURE_LABELS, OUTLET_KIND_LABELS } from '@linli/shared';

import type { OutletSearchItem } from '@linli/shared';

import { formatDistance } from '../../hooks/useCentreOrder';

export interface OutletCardProps {
  outlet: OutletSearchItem;
  now: Date;
  onOpen: (outlet: OutletSearchItem) => void;
}

/** One outlet in the list: the whole card is the button; distance, 营业中/休息中 and until when, in big type. */
export function OutletCard({ outlet, now, onOpen }: OutletCardProps) {
  return (
    <View className='outlet-card' hoverClass='outlet-card--pressed' ariaRole='button' data-outlet={outlet.id} onClick={() => onOpen(outlet)}>
      <View className='outlet-card__head'>
        <Text className='outlet-card__name'>{outlet.name}</Text>
        <Text className='outlet-card__distance'>{formatDistance(outlet.distanceMeters)}</Text>
      </View>
      <View className='outlet-card__tags'>
        <Text className='outlet-card__kind'>{OUTLET_KIND_LABELS[outlet.kind]}</Text>
        <Text className={`outlet-card__badge outlet-card__badge--${outlet.open ? 'open' : 'closed'}`}>{outlet.open ? '营业中' : '休息中'}</Text>
      </View>
      <Text className='outlet-card__line'>{describeOpenState({ open: outlet.open, changesAt: outlet.changesAt }, now)}</Text>
      <Text className='outlet-card__line'>{outlet.address}</Text>
      {outlet.elderFeatures.length > 0 && <Text className='outlet-card__line'>{outlet.elderFeatures.map((feature) => OUTLET_ELDER_FEATURE_LABELS[feature]).join(' · ')}</Text>}
    </View>
  );
}
