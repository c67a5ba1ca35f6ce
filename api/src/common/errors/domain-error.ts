import type { ApiErrorCode, FieldViolation } from '@linli/shared';

/**
 * Base of every error a service throws on purpose. Services never throw HTTP exceptions: they throw a
 * DomainError with a stable code, and ONE filter (api-exception.filter.ts) maps codes to HTTP statuses.
 * Domain codes join API_ERROR_CODES in @linli/shared, and the compiler then insists they get a status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    // An answer to the client, not a fault: its code and message say what happened, and the filter never logs its
    // stack (only INTERNAL_ERROR is, which no DomainError carries). Capturing one walked the whole async call chain
    // on every refusal — 3–4 % of the CPU of a hot slot's 409 storm (docs/performance.md).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, details?: unknown) {
    super('NOT_FOUND', `${what}不存在`, details);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('CONFLICT', message, details);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(violations: FieldViolation[]) {
    super('VALIDATION_FAILED', '提交的内容不符合要求', violations);
  }
}
