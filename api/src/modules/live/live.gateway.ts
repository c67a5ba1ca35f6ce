import { Injectable, type OnModuleInit } from '@nestjs/common';
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
 */
@Injectable()
export class LiveGateway implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly hub: LiveHub,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(async (scope) => {
      await scope.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES } });
      scope.get(LIVE_PATH, { websocket: true }, (socket, request) => this.hub.accept(socket, { ip: request.ip, requestId: String(request.id) }));
    });
  }
}
