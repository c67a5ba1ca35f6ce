import { Param, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-error';

function pathParamPipe<T>(name: string, constraint: string, message: string, parse: (raw: string) => T | null): PipeTransform<string, T> {
  return {
    transform(raw: string): T {
      const value = parse(raw);
      if (value === null) throw new ValidationFailedError([{ field: name, constraints: [constraint], message }]);
      return value;
    },
  };
}

/** A `YYYY-MM-DD` calendar date in the path. */
export const DateParam = (name: string) =>
  Param(
    name,
    pathParamPipe(name, 'isDate', `${name} must be a date YYYY-MM-DD`, (raw) => (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ? raw : null)),
  );

/** A four-digit year in the path, 2000-2100. */
export const YearParam = (name: string) =>
  Param(
    name,
    pathParamPipe(name, 'isYear', `${name} must be a year 2000-2100`, (raw) => (/^\d{4}$/.test(raw) && Number(raw) >= 2000 && Number(raw) <= 2100 ? Number(raw) : null)),
  );
