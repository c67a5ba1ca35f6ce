import { Text, View } from '@tarojs/components';

import { RemoteContent } from '../../components/remote-content';
import { useBookableServices } from '../hooks/useBookableServices';
import { Chips } from './chips';

export const ALL = '';

/** The bookable services as big chips; `allLabel` adds a first chip for "any service" (value ''). */
export function ServiceChoice({ value, onChange, allLabel }: { value: string; onChange: (serviceId: string) => void; allLabel?: string }) {
  const { services, state, retry } = useBookableServices();
  const chips = services.map((service) => ({ value: service.id, label: service.name }));
  return (
    <View className='staff-desk__block'>
      <Text className='staff-desk__label'>服务</Text>
      <RemoteContent state={state} onRetry={retry} isEmpty={() => chips.length === 0} emptyText='暂时没有可预约的服务'>
        {() => <Chips className='staff-service-choice' chips={allLabel ? [{ value: ALL, label: allLabel }, ...chips] : chips} value={value} onChange={onChange} />}
      </RemoteContent>
    </View>
  );
}
