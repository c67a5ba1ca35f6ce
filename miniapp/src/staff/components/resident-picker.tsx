import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';

import type { ResidentProfile } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../components/remote-content';
import { TextField } from '../../components/text-field';
import { useResidentSearch } from '../hooks/useResidentSearch';
import { ResidentRegistration } from './resident-registration';

/**
 * Finding a resident at the desk by name (代居民预约, 助餐档案): the matches as big cards to tap; an elder not found is
 * registered on the spot (登记新居民) and picked at once.
 */
export function ResidentPicker({ label, onPick }: { label: string; onPick: (resident: ResidentProfile) => void }) {
  const search = useResidentSearch();
  const [registering, setRegistering] = useState(false);
  if (registering) {
    return (
      <>
        <ResidentRegistration onRegistered={onPick} />
        <Button className='staff-desk__button staff-registration__cancel' size='large' block onClick={() => setRegistering(false)}>
          不登记，返回查找
        </Button>
      </>
    );
  }
  return (
    <View className='staff-desk__block'>
      <Text className='staff-desk__label'>{label}</Text>
      <TextField label='居民姓名' value={search.keyword} onChange={search.setKeyword} inputClassName='staff-resident-name' maxlength={32} />
      <Button className='staff-resident-search' type='primary' size='large' block onClick={search.search}>
        查找
      </Button>
      <RemoteContent
        state={search.state}
        onRetry={search.retry}
        isEmpty={isEmptyList}
        emptyText={search.keyword.trim() === '' ? '请输入居民姓名，再点“查找”' : '没有找到这位居民，请核对姓名'}
      >
        {(residents) =>
          residents.map((resident) => (
            <View key={resident.id} className='staff-resident' hoverClass='staff-resident--pressed' onClick={() => onPick(resident)}>
              <Text className='staff-resident__title'>{resident.name}</Text>
              <Text className='staff-resident__line'>{[resident.communityName, resident.phoneMasked, resident.idNumberMasked].filter(Boolean).join(' · ')}</Text>
            </View>
          ))
        }
      </RemoteContent>
      <Button className='staff-desk__button staff-registration__open' size='large' block onClick={() => setRegistering(true)}>
        登记新居民
      </Button>
    </View>
  );
}
