import type { Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';

/*
 * The API document is OpenAPI 3.0, where `nullable: true` adds null only to a `type` in the same schema object
 * and leaves every other keyword as strict as before (3.0.3). So `{ type: Model, nullable: true }`, which becomes
 * `nullable` beside an `allOf`/`$ref`, admits no null, and neither does a nullable `enum` that does not list null.
 * These decorators spell the two cases so that null is admitted.
 */

/** Admits null and nothing else, in 3.0's terms (3.0 has no `null` type). */
const NULL_ONLY = { type: 'object', nullable: true, enum: [null] };

/** A property holding a `model` or null. */
export function ApiModelOrNull(model: Type<unknown>, options: { description?: string } = {}): PropertyDecorator {
  return (target, key) => {
    ApiExtraModels(model)(target.constructor);
    ApiProperty({ ...options, oneOf: [{ $ref: getSchemaPath(model) }, NULL_ONLY] })(target, key);
  };
}

/** A property holding one of `values` or null. */
export function ApiEnumOrNull(values: readonly string[], options: { description?: string } = {}): PropertyDecorator {
  return ApiProperty({ ...options, type: String, nullable: true, enum: [...values, null] as string[] });
}
