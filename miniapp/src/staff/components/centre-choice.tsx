import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';

import type { CentreSummary } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../components/remote-content';
import { useStaffCentres } from '../hooks/useStaffCentres';

/**
 * The centres of the staff member's area as big buttons. With only one (a community's staff), it is chosen at once:
 * there is nothing to choose.
 */
export function CentreChoice({ value, onChange }: { value: string | null; onChange: (centre: CentreSummary) => void }) {
  const centres = useStaffCentres();
  const only = centres.state.status === 'ready' && centres.state.data.length === 1 ? centres.state.data[0] : null;
  useEffect(() => {
    if (only && value === null) onChange(only);
  }, [only, value, onChange]);
  return (
    <View className='staff-desk__block'>
      <Text className='staff-desk__label'>市民中心</Text>
      <RemoteContent state={centres.state} onRetry={centres.retry} isEmpty={isEmptyList} emptyText='您的辖区内没有市民中心'>
        {(items) => (
          <View className='staff-desk__choices'>
            {items.map((centre) => (
              <View key={centre.id} className={`staff-centre${centre.id === value ? ' staff-centre--selected' : ''}`} ariaRole='radio' onClick={() => onChange(centre)}>
                <Text>{centre.name}</Text>
              </View>
            ))}
          </View>
        )}
      </RemoteContent>
    </View>
  );
}
