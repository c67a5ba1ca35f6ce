import type { ReadinessReport } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';

/* Why the API is not ready; SERVICE_UNAVAILABLE answers 503 with the report (the one table in common/errors). */

export const databaseDown = (report: ReadinessReport) => new DomainError('SERVICE_UNAVAILABLE', '数据库暂不可用', report);

export const migrationsPending = (report: ReadinessReport) => new DomainError('SERVICE_UNAVAILABLE', '数据库迁移尚未完成', report);
