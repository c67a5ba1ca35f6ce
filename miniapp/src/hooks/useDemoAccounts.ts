import type { DemoAccount } from '@linli/shared';

import { fetchDemoAccounts } from '../services/session';
import { useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

export function useDemoAccounts(): RemoteDataHandle<DemoAccount[]> {
  return useRemoteData(fetchDemoAccounts);
}
