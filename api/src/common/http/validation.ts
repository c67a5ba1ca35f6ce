import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldViolation } from '@linli/shared';
import { ValidationFailedError } from '../errors/domain-error';

/** Flattens nested class-validator errors into `field.path` violations the client can point at. */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own: FieldViolation[] = error.constraints
      ? [{ field, constraints: Object.keys(error.constraints), message: Object.values(error.constraints).join('; ') }]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Every body, query and param DTO goes through this pipe: unknown fields are rejected (not silently dropped),
 * values are converted to the declared types, and failures become VALIDATION_FAILED with per-field details.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
