import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';

import type { CommunitySummary } from '@linli/shared';

import { useCommunitySearch } from '../../hooks/useCommunitySearch';
import { isEmptyList, RemoteContent } from '../remote-content';
import { TextField } from '../text-field';

import './index.scss';

export interface PickedCommunity {
  id: string;
  name: string;
}

export interface CommunityPickerProps {
  value: PickedCommunity | null;
  onChange: (community: PickedCommunity | null) => void;
  error?: string;
}

function describe(community: CommunitySummary): string {
  return `${community.districtName} · ${community.streetName}`;
}

/** The chosen community, and on request a search by name with one big row per result. */
export function CommunityPicker({ value, onChange, error }: CommunityPickerProps) {
  const [open, setOpen] = useState(false);

  return (
    <View className='community-picker'>
      <Text className='community-picker__label'>所在社区</Text>
      <View className='community-picker__current'>
        <Text className='community-picker__value'>{value ? value.name : '还没有选择'}</Text>
        <Button className='community-picker__toggle' size='large' onClick={() => setOpen(!open)}>
          {open ? '收起' : value ? '更换社区' : '选择社区'}
        </Button>
      </View>
      {error && <Text className='community-picker__error'>{error}</Text>}
      {open && (
        <CommunitySearch
          onPick={(community) => {
            onChange({ id: community.id, name: community.name });
            setOpen(false);
          }}
        />
      )}
    </View>
  );
}

function CommunitySearch({ onPick }: { onPick: (community: CommunitySummary) => void }) {
  const search = useCommunitySearch();
  return (
    <View className='community-picker__search'>
      <TextField label='输入社区名称查找' value={search.keyword} onChange={search.setKeyword} placeholder='例如：安大' inputClassName='community-picker__keyword' />
      <Button className='community-picker__submit' type='primary' size='large' block onClick={search.search}>
        查找
      </Button>
      <RemoteContent state={search.state} onRetry={search.retry} isEmpty={isEmptyList} emptyText='没有找到这个社区，请换个名称试试'>
        {(items) =>
          items.map((community) => (
            <View key={community.id} className='community-picker__option' hoverClass='community-picker__option--pressed' onClick={() => onPick(community)}>
              <Text className='community-picker__option-name'>{community.name}</Text>
              <Text className='community-picker__option-line'>{describe(community)}</Text>
            </View>
          ))
        }
      </RemoteContent>
    </View>
  );
}
