import { ArgumentsHost, Catch, ExceptionFilter, HttpException, MethodNotAllowedException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AllowedMethods } from '../http/allowed-methods';
import { toApiError } from './to-api-error';

/** Writes `exception` as the one error body `{ code, message, details?, requestId }` with its mapped status. */
export function sendApiError(request: FastifyRequest, reply: FastifyReply, exception: unknown): void {
  const { status, body, unexpected, headers } = toApiError(exception);

  if (unexpected) request.log.error({ err: exception }, 'unexpected error while handling request');

  void reply
    .status(status)
    .headers(headers)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ ...body, requestId: request.id });
}

/**
 * Fastify's `frameworkErrors`: what its router refuses before any hook or handler runs (a path parameter over
 * the length limit, 414; a path that is not valid percent-encoding, 400). Fastify would answer in its own body
 * and echo the path; this answers in ours, through the same mapping as every other status.
 */
export function sendRouterError(error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('x-request-id', request.id);
  sendApiError(request, reply, new HttpException(error.message, error.statusCode ?? 400, { cause: error }));
}

/** The one place errors become HTTP responses: `{ code, message, details?, requestId }` with a mapped status. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly allowedMethods: AllowedMethods) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendApiError(request, reply, this.methodNotAllowed(request, reply) ?? exception);
  }

  /** The router found no route, but the path is one the API serves with other methods: 405 with `Allow`. */
  private methodNotAllowed(request: FastifyRequest, reply: FastifyReply): MethodNotAllowedException | null {
    if (!request.is404) return null;
    const allowed = this.allowedMethods.at(request.url);
    if (allowed.length === 0) return null;
    void reply.header('allow', allowed.join(', '));
    return new MethodNotAllowedException();
  }
}
