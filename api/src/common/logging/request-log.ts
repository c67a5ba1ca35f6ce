import type { FastifyInstance } from 'fastify';
import { maskUrl } from './logger-options';

/**
 * Every answer carries its request id (`x-request-id`), and every request leaves one log line when it is answered,
 * with what operations need: method, route pattern, URL (sensitive query values masked), status and latency. Also
 * used by `bench/health-pipeline.mjs`, which measures what this line costs.
 */
export function useRequestLog(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? null, url: maskUrl(request.url), status: reply.statusCode, latencyMs: Math.round(reply.elapsedTime * 10) / 10 },
      'request completed',
    );
    done();
  });
}
