import type { OutletCsvProblem } from '@linli/shared';
import { DomainError, NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';

/* The refusals of the outlet directory; the code decides the HTTP status in the one table in common/errors. */

export const searchNeedsOrigin = () => new ValidationFailedError([{ field: 'latitude', constraints: ['origin'], message: 'give latitude and longitude, or a communityId' }]);

export const communityWithoutPosition = () =>
  new ValidationFailedError([{ field: 'communityId', constraints: ['hasPosition'], message: 'this community and its street have no citizen centre to measure from' }]);

export const outletHoursInvalid = (problems: string[]) => new ValidationFailedError(problems.map((message) => ({ field: 'hours', constraints: ['outletHours'], message })));

export const outletOutsideStreetOrCommunity = () =>
  new ValidationFailedError([{ field: 'regionId', constraints: ['regionLevel'], message: 'an outlet is in a street or a community' }]);

const lineViolations = (problems: OutletCsvProblem[]) => problems.map((problem) => ({ field: `line ${problem.line}`, constraints: ['outletCsvRow'], message: problem.reason }));

/** Nothing was imported; every bad line is listed, `field` being `line <n>`. */
export const outletImportInvalid = (problems: OutletCsvProblem[]) =>
  new DomainError('OUTLET_IMPORT_INVALID', `有 ${problems.length} 行不正确，未导入任何网点`, lineViolations(problems));

/** A row names a community outside the caller's region (or none that exists): nothing imported, the lines listed. */
export const outletImportOutOfScope = (problems: OutletCsvProblem[]) => new NotFoundError('文件中部分社区', lineViolations(problems));
