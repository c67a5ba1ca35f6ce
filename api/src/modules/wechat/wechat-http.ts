import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig, WechatConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { WECHAT_BUSY, WechatError } from './wechat.errors';

export interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

/**
 * HTTP to WeChat's server APIs at the configured base URL (WeChat in production, the fake server in tests and the
 * demo). Every reply with an errcode becomes a `WechatError`. Request URLs carry the AppSecret, login codes and the
 * access token, so nothing here logs a URL or a body: only the operation and the errcode.
 */
@Injectable()
export class WechatHttp {
  private readonly logger = new Logger(WechatHttp.name);
  private readonly wechat: WechatConfig;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.wechat = config.wechat;
  }

  get appId(): string {
    return this.wechat.appId;
  }

  get appSecret(): string {
    return this.wechat.appSecret;
  }

  get timeoutMs(): number {
    return this.wechat.timeoutMs;
  }

  /** WeChat busy (-1) is worth exactly one more try; anything else is the caller's to handle. */
  async withBusyRetry<T>(operation: string, attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof WechatError) || error.errcode !== WECHAT_BUSY) throw error;
      this.logger.warn(`WeChat busy (-1) during ${operation}; retrying once`);
      return attempt();
    }
  }

  async call<T extends WechatReply>(operation: string, pathAndQuery: string, body?: unknown): Promise<T> {
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
      throw new WechatError(reply.errcode, operation, reply.errmsg);
    }
    return reply;
  }
}
