import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, ApiErrorCode } from '@linli/shared';
import { isDatabaseUnavailable } from '../../database/database-unavailable';
import { DomainError } from './domain-error';
import { DEFAULT_MESSAGE_BY_CODE, HTTP_STATUS_BY_CODE, codeForStatus } from './error-status';

export interface TranslatedError {
  status: number;
  body: ApiErrorBody;
  /** Headers the answer carries besides the body's own (Retry-After on every 503); empty for most. */
  headers: Record<string, string>;
  /** True when nothing the client sent explains the error: it is logged with its stack. */
  unexpected: boolean;
}

/**
 * How long a client is asked to wait after a 503 that does not know better. A database restart or fail-over takes
 * seconds, and mysql2 opens a fresh connection for the next request, so the first retry after this has a fair chance.
 */
export const RETRY_AFTER_SECONDS = 5;

/** Fastify's own request errors (body parsing, limits, content type) and the codes clients should see. */
const FASTIFY_ERROR_CODES: Record<string, ApiErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  // @fastify/multipart (photo uploads)
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
};

function fromCode(code: ApiErrorCode, message?: string, details?: unknown): TranslatedError {
  const status = HTTP_STATUS_BY_CODE[code];
  const body: ApiErrorBody = { code, message: message ?? DEFAULT_MESSAGE_BY_CODE[code] };
  if (details !== undefined) body.details = details;
  return { status, body, headers: retryAfter(status, details), unexpected: code === 'INTERNAL_ERROR' };
}

/**
 * Retry-After on the two answers that mean "not now" (RFC 9110 §10.2.3): 429 when the error says when
 * (`details.retryAfterSeconds`), and every 503, by default after RETRY_AFTER_SECONDS. Whole seconds, at least 1.
 */
function retryAfter(status: number, details: unknown): Record<string, string> {
  if (status !== 429 && status !== 503) return {};
  const known = (details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  const seconds = typeof known === 'number' ? Math.max(1, Math.ceil(known)) : status === 503 ? RETRY_AFTER_SECONDS : null;
  return seconds === null ? {} : { 'retry-after': String(seconds) };
}

/**
 * Turns anything thrown while handling a request into the one error body. Internals (stack traces, SQL,
 * framework messages in English) never reach the client: only codes and the Chinese messages written for people.
 */
export function toApiError(exception: unknown): TranslatedError {
  if (exception instanceof DomainError) return fromCode(exception.code, exception.message, exception.details);

  // The Fastify adapter wraps Fastify's own 4xx errors in an HttpException whose cause is the original.
  const fastifyCode = fastifyCodeOf(exception) ?? fastifyCodeOf(exception instanceof HttpException ? exception.cause : undefined);
  if (fastifyCode) return fromCode(fastifyCode);

  if (exception instanceof HttpException) {
    const code = codeForStatus(exception.getStatus());
    // A bare 400 from the framework is about the request's form (e.g. a JSON body with `__proto__`), not a DTO.
    return fromCode(code === 'VALIDATION_FAILED' ? 'MALFORMED_BODY' : code);
  }
  // An outage is nothing the client did and may pass: 503, so clients and proxies retry. Still logged, like any
  // fault of ours, so operators see it.
  if (isDatabaseUnavailable(exception)) return { ...fromCode('SERVICE_UNAVAILABLE'), unexpected: true };
  return fromCode('INTERNAL_ERROR');
}

function fastifyCodeOf(error: unknown): ApiErrorCode | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? FASTIFY_ERROR_CODES[code] : undefined;
}
