import type { AccountPreferences, ElderModeChoice } from '@linli/shared';

import { request } from './request';
import { readElderModeChoice, rememberElderModeChoice } from '../storage/elder-mode';
import { readSession, subscribeSession } from '../storage/token-storage';

/*
 * 长辈模式 per account (issue 16). The choice on 我的 is kept on the device (storage/elder-mode) and, once signed in,
 * for the account too (GET/PUT /api/me/preferences), so signing in on another phone brings it along. The device's
 * choice stays the fallback: signed out, offline, or while the account has none.
 */

export function fetchMyPreferences(): Promise<AccountPreferences> {
  return request<AccountPreferences>('/me/preferences');
}

export function saveMyPreferences(preferences: AccountPreferences): Promise<AccountPreferences> {
  return request<AccountPreferences>('/me/preferences', { method: 'PUT', body: preferences });
}

/** The signed-in account that may keep settings: a resident only after the privacy notice (nothing before it). */
function accountForPreferences(): string | null {
  const account = readSession()?.account;
  return account && !account.consentRequired ? account.id : null;
}

/** The account whose preferences were asked for (once per sign-in), and the choices made on this device since. */
let loadedFor: string | null = null;
let choicesMade = 0;
let following = false;

/**
 * After a sign-in: the account's choice, when it has one, becomes this device's (every open page redraws). A choice
 * made on this device while the answer was on its way wins over it; no choice on the account leaves the device's.
 */
function loadAccountPreferences(): void {
  const accountId = accountForPreferences();
  if (accountId === loadedFor) return;
  loadedFor = accountId;
  if (!accountId) return;
  const choicesBefore = choicesMade;
  fetchMyPreferences().then(
    ({ elderMode }) => {
      if (choicesMade !== choicesBefore || accountForPreferences() !== accountId) return;
      if (elderMode && elderMode !== readElderModeChoice()) rememberElderModeChoice(elderMode);
    },
    () => {
      // Offline or an older server: the device's choice stands; asked again at the next sign-in.
      if (loadedFor === accountId) loadedFor = null;
    },
  );
}

/** Starts following sign-ins (once per app; every page root calls it). */
export function followAccountPreferences(): void {
  if (following) return;
  following = true;
  subscribeSession(loadAccountPreferences);
  loadAccountPreferences();
}

/** The switch on 我的: kept on this device at once, and for the signed-in account. */
export function saveElderModeChoice(choice: ElderModeChoice | null): void {
  choicesMade += 1;
  rememberElderModeChoice(choice);
  if (!accountForPreferences()) return;
  saveMyPreferences({ elderMode: choice }).catch(() => {
    // Offline: the device keeps the choice; the account gets the next one made.
  });
}
