import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { ReactNode } from 'react';

import type { RemoteData } from '../../hooks/useRemoteData';

import './index.scss';

export interface RemoteContentProps<T> {
  state: RemoteData<T>;
  onRetry: () => void;
  /** Shown instead of `children` when `isEmpty(data)` holds. */
  emptyText: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/** Loading, error-with-retry and empty states in one place, so every list looks and behaves the same. */
export function RemoteContent<T>({ state, onRetry, emptyText, isEmpty, children }: RemoteContentProps<T>) {
  if (state.status === 'loading') {
    return (
      <View className='remote-content remote-content--loading'>
        <Text className='remote-content__text'>正在加载，请稍候…</Text>
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className='remote-content remote-content--error'>
        <Text className='remote-content__text'>{state.error.message}</Text>
        <Button className='remote-content__retry' type='primary' size='large' block onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  }
  if (isEmpty?.(state.data)) {
    return (
      <View className='remote-content remote-content--empty'>
        <Text className='remote-content__text'>{emptyText}</Text>
      </View>
    );
  }
  return <>{children(state.data)}</>;
}

export function isEmptyList(items: readonly unknown[]): boolean {
  return items.length === 0;
}

export interface RemoteRecordProps<T> {
  /** `data` null means there is no such record (an old link, a removed item): `notFoundText` is shown, no 重试. */
  state: RemoteData<T | null>;
  onRetry: () => void;
  notFoundText: string;
  children: (record: T) => ReactNode;
}

/** RemoteContent for a page that shows one record picked by id. */
export function RemoteRecord<T>({ state, onRetry, notFoundText, children }: RemoteRecordProps<T>) {
  return (
    <RemoteContent state={state} onRetry={onRetry} emptyText={notFoundText} isEmpty={isMissing}>
      {(record) => record !== null && children(record)}
    </RemoteContent>
  );
}

function isMissing(record: unknown): boolean {
  return record === null;
}
