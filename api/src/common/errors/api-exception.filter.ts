import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toApiError } from './to-api-error';

/** The one place errors become HTTP responses: `{ code, message, details?, requestId }` with a mapped status. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, unexpected } = toApiError(exception);

    if (unexpected) request.log.error({ err: exception }, 'unexpected error while handling request');

    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send({ ...body, requestId: request.id });
  }
}
