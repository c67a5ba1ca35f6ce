import { Text, View } from '@tarojs/components';

import type { CentreSummary } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../components/remote-content';
import { useCentres } from '../../hooks/useCentres';

/** The centres as big buttons (the demo lists all of them; a real desk would show only its region's). */
export function CentreChoice({ value, onChange }: { value: string | null; onChange: (centre: CentreSummary) => void }) {
  const centres = useCentres();
  return (
    <View className='staff-desk__block'>
      <Text className='staff-desk__label'>市民中心</Text>
      <RemoteContent state={centres.state} onRetry={centres.retry} isEmpty={isEmptyList} emptyText='没有可选的市民中心'>
        {(items) => (
          <View className='staff-desk__choices'>
            {items.map((centre) => (
              <View
                key={centre.id}
                className={`staff-centre${centre.id === value ? ' staff-centre--selected' : ''}`}
                ariaRole='radio'
                onClick={() => onChange(centre)}
              >
                <Text>{centre.name}</Text>
              </View>
            ))}
          </View>
        )}
      </RemoteContent>
    </View>
  );
}
