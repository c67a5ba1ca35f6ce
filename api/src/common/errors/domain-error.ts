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
    super(message);
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
