import { Readable } from 'node:stream';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export const WECHAT_PAY_NOTIFY_PATH = '/api/payments/wechat-pay/notify';
const RAW_BODY = Symbol('wechatPayRawBody');

/**
 * WeChat Pay signs the exact bytes of a notification, so its signature can only be checked against the body as
 * received, never a re-serialised parse. For the notify path only, this keeps a copy of the raw text (before the
 * API's one JSON parser, which still parses, limits and refuses the body as on every route).
 */
@Injectable()
export class NotificationRawBody implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preParsing', async (request, _reply, payload) => {
      if (request.method !== 'POST' || request.url.split('?')[0] !== WECHAT_PAY_NOTIFY_PATH) return payload;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload) {
        size += (chunk as Buffer).length;
        // Never buffer more than any route accepts: the same 413 Fastify's own limit answers.
        if (size > this.config.maxBodyBytes) throw Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
        chunks.push(Buffer.from(chunk as Buffer));
      }
      const raw = Buffer.concat(chunks);
      (request as FastifyRequest & { [RAW_BODY]?: string })[RAW_BODY] = raw.toString('utf8');
      return Readable.from([raw]);
    });
  }
}

export function rawBodyOf(request: FastifyRequest): string {
  return (request as FastifyRequest & { [RAW_BODY]?: string })[RAW_BODY] ?? '';
}
