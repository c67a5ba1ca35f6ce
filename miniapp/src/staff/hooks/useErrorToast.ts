import Taro from '@tarojs/taro';
import { useEffect } from 'react';

import type { RemoteData } from '../../hooks/useRemoteData';

/**
 * Says a failed load in a toast, where the person is looking, when the place the data goes is further down the
 * page (a staff desk's list under its filters); the inline error with 重试 stays where the data would be.
 */
export function useErrorToast(state: RemoteData<unknown>): void {
  const error = state.status === 'error' ? state.error : null;
  useEffect(() => {
    if (error) void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
  }, [error]);
}
