import { Text, View } from '@tarojs/components';
import { SERVICE_MODE_LABELS } from '@linli/shared';

import type { ServiceSummary } from '@linli/shared';

import { ageNote } from '../../texts/service-labels';
import { openService } from '../../navigation/routes';

import './index.scss';

export interface ServiceRowProps {
  service: ServiceSummary;
}

/** A service as one big row: name, how it is delivered, who may book, one line of what it is. Opens its page. */
export function ServiceRow({ service }: ServiceRowProps) {
  const age = ageNote(service.minAge);
  return (
    <View className='service-row' hoverClass='service-row--pressed' onClick={() => openService(service.id)}>
      <Text className='service-row__name'>{service.name}</Text>
      <View className='service-row__tags'>
        <Text className='service-row__tag'>{SERVICE_MODE_LABELS[service.mode]}</Text>
        {service.needsReview && <Text className='service-row__tag service-row__tag--review'>需审核</Text>}
        {age && <Text className='service-row__tag service-row__tag--age'>{age}</Text>}
      </View>
      <Text className='service-row__description'>{service.description}</Text>
      <Text className='service-row__more'>查看详情 ›</Text>
    </View>
  );
}
