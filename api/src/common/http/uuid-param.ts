import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-error';

/** A path id that must be a UUID; anything else is VALIDATION_FAILED naming the parameter, like body fields. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new ValidationFailedError([{ field: name, constraints: ['isUuid'], message: `${name} must be a UUID` }]),
    }),
  );
