import { Readable } from 'node:stream';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const WECHAT_PAY_NOTIFY_PATH = '/api/payments/wechat-pay/notify';
const RAW_BODY = Symbol('wechatPayRawBody');

/**
 * WeChat Pay signs the exact bytes of a notification, so its signature can only be checked against the body as
 * received, never a re-serialised parse. For the notify path only, this keeps a copy of the raw text (before the
 * API's one JSON parser, which still parses, limits and refuses the body as on every route).
 */
@Injectable()
export class NotificationRawBody implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preParsing', async (request, _reply, payload) => {
      if (request.method !== 'POST' || request.url.split('?')[0] !== WECHAT_PAY_NOTIFY_PATH) return payload;
      const chunks: Buffer[] = [];
      for await (const chunk of payload) chunks.push(Buffer.from(chunk as Buffer));
      const raw = Buffer.concat(chunks);
      (request as FastifyRequest & { [RAW_BODY]?: string })[RAW_BODY] = raw.toString('utf8');
      return Readable.from([raw]);
    });
  }
}

export function rawBodyOf(request: FastifyRequest): string {
  return (request as FastifyRequest & { [RAW_BODY]?: string })[RAW_BODY] ?? '';
}
