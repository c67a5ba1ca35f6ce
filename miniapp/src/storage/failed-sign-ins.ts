import Taro from '@tarojs/taro';

import type { FailedSignIns } from '@linli/shared';

/**
 * The failed password attempts the API reported at this device's last password sign-in, kept until the owner has
 * read them: the login page moves on at once, so the workbench it opens is where they are shown. Kept with the
 * account id, so whoever signs in next on a shared device never sees someone else's.
 */
interface StoredFailedSignIns {
  accountId: string;
  failedSignIns: FailedSignIns;
}

const FAILED_SIGN_INS_KEY = 'linli.failedSignIns';

function isStored(value: unknown): value is StoredFailedSignIns {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredFailedSignIns>;
  return typeof candidate.accountId === 'string' && typeof candidate.failedSignIns?.count === 'number';
}

/** After a password sign-in: what it reported, or nothing (which also drops an older report). */
export function rememberFailedSignIns(accountId: string, failedSignIns: FailedSignIns | undefined): void {
  if (failedSignIns) Taro.setStorageSync(FAILED_SIGN_INS_KEY, { accountId, failedSignIns });
  else Taro.removeStorageSync(FAILED_SIGN_INS_KEY);
}

export function readFailedSignIns(accountId: string): FailedSignIns | null {
  const stored: unknown = Taro.getStorageSync(FAILED_SIGN_INS_KEY);
  return isStored(stored) && stored.accountId === accountId ? stored.failedSignIns : null;
}

export function dismissFailedSignIns(): void {
  Taro.removeStorageSync(FAILED_SIGN_INS_KEY);
}
