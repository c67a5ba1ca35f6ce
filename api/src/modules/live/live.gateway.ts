import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { LiveHub } from './live-hub';

export const LIVE_PATH = '/api/live';
/** A sign-in frame is a few hundred bytes; nothing a client sends needs more. */
const MAX_FRAME_BYTES = 8 * 1024;

/**
 * GET /api/live upgrades to a WebSocket (@fastify/websocket, registered in its own plugin scope so it wraps this
 * route only). Everything after the upgrade is LiveHub's. The plugin closes every socket when the app closes.
 *
 * Registered at bootstrap, not at module init: awaiting a Fastify plugin makes Fastify load everything queued so far,
 * and a route loaded before Nest installs its error handler (after module init) keeps Fastify's own — body-parser
 * errors then reached clients as `FST_ERR_…` bodies instead of the one error shape (request-pipeline e2e).
 */
@Injectable()
export class LiveGateway implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly hub: LiveHub,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(async (scope) => {
      await scope.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES } });
      scope.get(LIVE_PATH, { websocket: true }, (socket, request) => this.hub.accept(socket, { ip: request.ip, requestId: String(request.id) }));
    });
  }
}
