import type { RegionLevel } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';

/* The refusals of region and centre management; the code decides the HTTP status in the one table in common/errors. */

export const wrongChildLevel = (parentLevel: RegionLevel, childLevel: RegionLevel | null) =>
  new DomainError('VALIDATION_FAILED', '地区层级不正确', [{ field: 'level', constraints: ['regionLevel'], message: `a child of a ${parentLevel} must be a ${childLevel}` }]);

export const centreOutsideStreetOrCommunity = () =>
  new DomainError('VALIDATION_FAILED', '市民中心只能设在街道或社区', [{ field: 'regionId', constraints: ['regionLevel'], message: 'must be a street or a community' }]);
