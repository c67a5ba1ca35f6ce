import { useEffect } from 'react';

import type { MealPickupCode } from '@linli/shared';

import { useRemoteById } from '../../hooks/useRemoteData';
import { fetchPickupCode } from '../../services/meals';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';

/** Asked for again this long before the signed code expires, so the QR on screen is always one the counter accepts. */
const REFRESH_AHEAD_MS = 60_000;
const MIN_REFRESH_MS = 5_000;

/** A meal order's pickup code (a ten-minute signed QR and six digits), renewed shortly before it expires. */
export function usePickupCode(orderId: string): RemoteDataHandle<MealPickupCode> {
  const code = useRemoteById(fetchPickupCode, orderId);
  const { state, reloadQuietly } = code;
  const expiresAt = state.status === 'ready' ? state.data.expiresAt : null;
  useEffect(() => {
    if (!expiresAt) return undefined;
    const wait = Math.max(MIN_REFRESH_MS, new Date(expiresAt).getTime() - Date.now() - REFRESH_AHEAD_MS);
    const timer = setTimeout(reloadQuietly, wait);
    return () => clearTimeout(timer);
  }, [expiresAt, reloadQuietly]);
  return code;
}
