import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig, WechatConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { WECHAT_ACCESS_TOKEN_INVALID, WECHAT_BUSY, WechatError } from './wechat.errors';

export interface WechatSession {
  openid: string;
  unionid: string | null;
  /** Never returned to clients or logged; stored encrypted. */
  sessionKey: string;
}

export interface WechatPhone {
  /** With country code for non-mainland numbers, e.g. +85212345678; purePhoneNumber without. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

/** Refresh a cached access token this long before WeChat says it expires. */
const ACCESS_TOKEN_MARGIN_MS = 5 * 60 * 1000;

/**
 * Real HTTP client for the WeChat server APIs Linli uses, against a configurable base URL (WeChat in production,
 * the fake server in tests and the demo). Busy (-1) is retried once; an invalid access token is refreshed once.
 * Request URLs carry the AppSecret and login codes, so nothing here logs a URL or a reply body.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private readonly wechat: WechatConfig;
  private cachedToken: { value: string; expiresAt: number } | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.wechat = config.wechat;
  }

  /** `wx.login` code → openid and session_key (GET /sns/jscode2session). */
  async code2Session(code: string): Promise<WechatSession> {
    const query = new URLSearchParams({ appid: this.wechat.appId, secret: this.wechat.appSecret, js_code: code, grant_type: 'authorization_code' });
    const reply = await this.withBusyRetry('jscode2session', () =>
      this.call<WechatReply & { openid?: string; session_key?: string; unionid?: string }>('jscode2session', `/sns/jscode2session?${query}`),
    );
    if (!reply.openid || !reply.session_key) throw new WechatError(null, 'jscode2session');
    return { openid: reply.openid, unionid: reply.unionid ?? null, sessionKey: reply.session_key };
  }

  /** `getPhoneNumber` button code → the user's phone (POST /wxa/business/getuserphonenumber). */
  async phoneNumber(code: string): Promise<WechatPhone> {
    const reply = await this.withAccessToken('getuserphonenumber', (token) =>
      this.call<WechatReply & { phone_info?: WechatPhone }>('getuserphonenumber', `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`, { code }),
    );
    if (!reply.phone_info?.purePhoneNumber) throw new WechatError(null, 'getuserphonenumber');
    return reply.phone_info;
  }

  /**
   * The stable access token (POST /cgi-bin/stable_token). WeChat returns the same token to every caller while it is
   * valid, so each API instance may cache its own copy without invalidating the others' (unlike /cgi-bin/token).
   */
  private async accessToken(forceRefresh: boolean): Promise<string> {
    if (!forceRefresh && this.cachedToken && this.cachedToken.expiresAt > Date.now()) return this.cachedToken.value;
    const reply = await this.withBusyRetry('stable_token', () =>
      this.call<WechatReply & { access_token?: string; expires_in?: number }>('stable_token', '/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: this.wechat.appId,
        secret: this.wechat.appSecret,
        force_refresh: forceRefresh,
      }),
    );
    if (!reply.access_token) throw new WechatError(null, 'stable_token');
    this.cachedToken = { value: reply.access_token, expiresAt: Date.now() + (reply.expires_in ?? 7200) * 1000 - ACCESS_TOKEN_MARGIN_MS };
    return reply.access_token;
  }

  private async withAccessToken<T>(operation: string, work: (token: string) => Promise<T>): Promise<T> {
    try {
      return await this.withBusyRetry(operation, async () => work(await this.accessToken(false)));
    } catch (error) {
      if (!(error instanceof WechatError) || !WECHAT_ACCESS_TOKEN_INVALID.includes(error.errcode ?? 0)) throw error;
      // Our cached token was invalidated elsewhere (e.g. a force_refresh): fetch a fresh one, once.
      this.logger.warn(`WeChat rejected the access token during ${operation}; refreshing it once`);
      return this.withBusyRetry(operation, async () => work(await this.accessToken(true)));
    }
  }

  private async withBusyRetry<T>(operation: string, attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof WechatError) || error.errcode !== WECHAT_BUSY) throw error;
      this.logger.warn(`WeChat busy (-1) during ${operation}; retrying once`);
      return attempt();
    }
  }

  private async call<T extends WechatReply>(operation: string, pathAndQuery: string, body?: unknown): Promise<T> {
    if (!this.wechat.apiBaseUrl) throw new WechatError(null, operation);
    let response: Response;
    try {
      response = await fetch(`${this.wechat.apiBaseUrl}${pathAndQuery}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.wechat.timeoutMs),
      });
    } catch (error) {
      this.logger.warn(`WeChat ${operation} unreachable: ${(error as Error).name}`);
      throw new WechatError(null, operation);
    }
    let reply: T;
    try {
      reply = (await response.json()) as T;
    } catch {
      throw new WechatError(null, operation);
    }
    if (!response.ok) throw new WechatError(null, operation);
    if (reply.errcode) {
      this.logger.warn(`WeChat ${operation} answered errcode ${reply.errcode}`);
      throw new WechatError(reply.errcode, operation);
    }
    return reply;
  }
}
