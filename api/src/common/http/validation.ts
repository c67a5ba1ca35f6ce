import { applyDecorators, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, IsString, Length, Matches, MaxLength, MinLength, registerDecorator, type ValidationOptions } from 'class-validator';
import { isMainlandMobile, isValidIdNumber, type FieldViolation } from '@linli/shared';
import { ValidationFailedError } from '../errors/domain-error';

/** Flattens nested class-validator errors into `field.path` violations the client can point at. */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own: FieldViolation[] = error.constraints ? [{ field, constraints: Object.keys(error.constraints), message: Object.values(error.constraints).join('; ') }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
const MEMOIZED = Symbol('linli.memoizedValidationMetadata');

/**
 * class-validator looks up a DTO's rules on every validation by walking every class it knows (an `instanceof` per
 * registered class, for inherited rules): a top self-time frame of the profiled routes with a DTO (issue 17,
 * docs/performance.md), and it grows with the app. The answer only changes when a rule is registered, which happens
 * when DTO classes are loaded; so the lookup is memoized per class for the options this app validates with (no
 * schema, no groups), and the memo is dropped whenever a rule is added. Same rules, looked up once.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [MEMOIZED]?: true };
  if (marked[MEMOIZED]) return;
  marked[MEMOIZED] = true;
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  const memo = new Map<unknown, ReturnType<MetadataStorage['getTargetValidationMetadatas']>>();
  storage.addValidationMetadata = (metadata) => {
    memo.clear();
    addRule(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (schema || always || strictGroups || groups?.length) return lookUp(target, schema, always, strictGroups, groups);
    let rules = memo.get(target);
    if (!rules) memo.set(target, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
}

/**
 * Every body, query and param DTO goes through this pipe: unknown fields are rejected (not silently dropped),
 * values are converted to the declared types, and failures become VALIDATION_FAILED with per-field details.
 */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
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
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
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

/*
 * The field rules several modules' DTOs share. Each is written once here so that a resident, a provider's contact
 * and a worker are held to the same mobile and name rules, and every new account to the same login name. The
 * composed ones list their checks bottom-up, in the order stacked decorators run, so a refusal names its
 * constraints in the same order as when each DTO stacked them itself.
 */

/** GB 11643 ID number: 18 characters with a valid check character and birth date. */
export const IsIdNumber = SatisfiesRule('isIdNumber', isValidIdNumber, '身份证号码不正确');

/** A mainland China mobile number (11 digits, 1[3-9]…). */
export const IsMainlandMobile = SatisfiesRule('isMainlandMobile', isMainlandMobile, '手机号码不正确');

/** Names as people write them: Chinese characters, letters, the middle dot of minority names, spaces. */
const PERSON_NAME = /^[\p{Script=Han}A-Za-z·• ]{1,32}$/u;

/** A person's name; `message` names the field in the refusal (姓名, 联系人姓名). */
export const IsPersonName = (message: string) => applyDecorators(Matches(PERSON_NAME, { message }), IsString());

/** The name an account is shown with (a worker's, a staff member's): any text of 1–64 characters, 赵师傅 included. */
export const IsDisplayName = () => applyDecorators(Length(1, 64), IsString());

/** A login name: 3–64 lower-case letters, digits or . _ -, starting with a letter or digit. */
export const IsLoginName = (options?: ValidationOptions) => Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, options);

/** A password someone sets for a new account: 10 to 128 characters. */
export const IsNewPassword = (options?: ValidationOptions) => applyDecorators(MaxLength(128), MinLength(10, options), IsString());

/** A one-time invitation code as typed: 6–16 letters and digits, spaces and dashes allowed between groups. */
export const IsInvitationCode = () => applyDecorators(Matches(/^[0-9A-Za-z\s-]{6,16}$/), IsString());
