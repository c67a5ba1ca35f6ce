import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ValidationFailedError } from '../errors/domain-error';

/**
 * The optional `Idempotency-Key` header (8-100 letters, digits, `-` or `_`, e.g. a UUID the client made before its
 * first attempt). Anything else is VALIDATION_FAILED naming the header, like a body field.
 */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const raw = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]{8,100}$/.test(raw)) {
    throw new ValidationFailedError([{ field: 'Idempotency-Key', constraints: ['idempotencyKey'], message: 'Idempotency-Key must be 8-100 letters, digits, - or _' }]);
  }
  return raw;
});
