import Taro from '@tarojs/taro';
import { CURRENT_PRIVACY_POLICY_VERSION } from '@linli/shared';

import type { DemoAccount, LoginResponse, SessionAccount } from '@linli/shared';

import { ApiError } from './api-error';
import { rememberFailedSignIns } from '../storage/failed-sign-ins';
import { request, requestList } from './request';
import { clearSession, readSession, saveAccount, saveSession, sessionFromTokens } from '../storage/token-storage';

/** Sign-in needs WeChat's own login API; the H5 build (browser demo) has none. */
export const CAN_USE_WECHAT_LOGIN = process.env.TARO_ENV !== 'h5';

function remember(response: LoginResponse): SessionAccount {
  const { tokens, account } = response;
  saveSession(sessionFromTokens(tokens, account));
  return account;
}

/** A fresh one-time code from WeChat (valid 5 minutes, once); the server exchanges it for the openid. */
async function wechatLoginCode(): Promise<string> {
  try {
    const { code } = await Taro.login();
    if (code) return code;
  } catch (failure) {
    throw new ApiError({ code: 'WECHAT_LOGIN_FAILED', message: '微信登录失败，请稍后重试', status: 0, cause: failure });
  }
  throw new ApiError({ code: 'WECHAT_LOGIN_FAILED', message: '微信登录失败，请稍后重试', status: 0 });
}

/** Silent sign-in on first use: a new WeChat user gets a resident account (with consent still to give). */
export async function signInWithWechat(): Promise<SessionAccount> {
  const code = await wechatLoginCode();
  return remember(await request<LoginResponse>('/auth/wechat/login', { method: 'POST', body: { code }, auth: false }));
}

/** A service worker links this WeChat to the record their organisation created. */
export async function bindWorker(invitationCode: string): Promise<SessionAccount> {
  const code = await wechatLoginCode();
  const body = { code, invitationCode: normaliseInvitationCode(invitationCode) };
  return remember(await request<LoginResponse>('/auth/wechat/worker-binding', { method: 'POST', body, auth: false }));
}

/** A household member takes over the record their family created, with the code the family shows them. */
export async function claimHouseholdMember(invitationCode: string): Promise<SessionAccount> {
  const code = await wechatLoginCode();
  const body = { code, invitationCode: normaliseInvitationCode(invitationCode) };
  return remember(await request<LoginResponse>('/auth/wechat/member-claim', { method: 'POST', body, auth: false }));
}

/** Codes are read aloud and typed by elders: ignore spaces and case. */
export function normaliseInvitationCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** Failed attempts since the account's previous sign-in come only with this answer: kept for the page it opens. */
export async function signInWithPassword(username: string, password: string): Promise<SessionAccount> {
  const body = { username: username.trim(), password };
  const response = await request<LoginResponse>('/auth/password/login', { method: 'POST', body, auth: false });
  rememberFailedSignIns(response.account.id, response.failedSignIns);
  return remember(response);
}

/** Demo mode only; the API answers 404 NOT_FOUND when a real WeChat AppID is configured. */
export function fetchDemoAccounts(): Promise<DemoAccount[]> {
  return requestList<DemoAccount>('/auth/demo/accounts', { auth: false });
}

export async function signInAsDemoAccount(accountId: string): Promise<SessionAccount> {
  return remember(await request<LoginResponse>('/auth/demo/login', { method: 'POST', body: { accountId }, auth: false }));
}

/** The account as the server sees it now (role, consent, phone), kept with the stored session. */
export async function refreshAccount(): Promise<SessionAccount> {
  const account = await request<SessionAccount>('/me');
  saveAccount(account);
  return account;
}

export async function acceptPrivacyPolicy(): Promise<SessionAccount> {
  const account = await request<SessionAccount>('/me/privacy-consent', {
    method: 'POST',
    body: { version: CURRENT_PRIVACY_POLICY_VERSION },
  });
  saveAccount(account);
  return account;
}

/** Ends the session on the server when it can; the device forgets it either way. */
export async function signOut(): Promise<void> {
  if (readSession()) {
    try {
      await request<void>('/auth/logout', { method: 'POST' });
    } catch {
      // Offline or already expired: the server-side session times out by itself; nothing to tell the user.
    }
  }
  clearSession();
}

export function storedAccount(): SessionAccount | null {
  return readSession()?.account ?? null;
}
