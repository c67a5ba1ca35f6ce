import { applyDecorators, ValidationPipe, type ValidationError } from '@nestjs/common';
import { IsString, registerDecorator, type ValidationOptions } from 'class-validator';
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

/** A property decorator that checks a string with one of the pure rules in shared (ID numbers, phones, codes). */
export function SatisfiesRule(name: string, rule: (value: string) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator => (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && rule(value) },
    });
}

const withoutControlCharacters = SatisfiesRule('isSearchText', (value) => !/\p{Cc}/u.test(value), '$property must not contain control characters');

/**
 * Text a person types to search by (part of a name, a keyword): a string without control characters. A NUL in a
 * LIKE pattern ends the pattern early on SQLite (`%\0%` matches every row) and matches nothing on MariaDB, and no
 * keyboard types U+0000-U+001F or U+007F-U+009F, so they are refused on every dialect. Lengths stay with each field.
 */
export const IsSearchText = () => applyDecorators(IsString(), withoutControlCharacters());
