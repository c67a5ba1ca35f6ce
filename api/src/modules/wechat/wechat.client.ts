import { Injectable } from '@nestjs/common';
import { WechatAccessTokens } from './wechat-access-tokens';
import { WechatHttp, type WechatReply } from './wechat-http';
import { WechatError } from './wechat.errors';

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

/**
 * The WeChat login APIs Linli uses: real HTTP (WechatHttp) against a configurable base URL. Busy (-1) is retried once;
 * calls that need the access token get it from the one shared refresher (WechatAccessTokens).
 */
@Injectable()
export class WechatClient {
  constructor(
    private readonly http: WechatHttp,
    private readonly accessTokens: WechatAccessTokens,
  ) {}

  /** `wx.login` code → openid and session_key (GET /sns/jscode2session). */
  async code2Session(code: string): Promise<WechatSession> {
    const query = new URLSearchParams({ appid: this.http.appId, secret: this.http.appSecret, js_code: code, grant_type: 'authorization_code' });
    const reply = await this.http.withBusyRetry('jscode2session', () =>
      this.http.call<WechatReply & { openid?: string; session_key?: string; unionid?: string }>('jscode2session', `/sns/jscode2session?${query}`),
    );
    if (!reply.openid || !reply.session_key) throw new WechatError(null, 'jscode2session');
    return { openid: reply.openid, unionid: reply.unionid ?? null, sessionKey: reply.session_key };
  }

  /** `getPhoneNumber` button code → the user's phone (POST /wxa/business/getuserphonenumber). */
  async phoneNumber(code: string): Promise<WechatPhone> {
    const reply = await this.accessTokens.withAccessToken('getuserphonenumber', (token) =>
      this.http.call<WechatReply & { phone_info?: WechatPhone }>('getuserphonenumber', `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`, { code }),
    );
    if (!reply.phone_info?.purePhoneNumber) throw new WechatError(null, 'getuserphonenumber');
    return reply.phone_info;
  }
}
