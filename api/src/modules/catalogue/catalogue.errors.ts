import { DomainError } from '../../common/errors/domain-error';

/* The refusals of the service catalogue; the code decides the HTTP status in the one table in common/errors. */

export const catalogueForCityAdminsOnly = () => new DomainError('FORBIDDEN', '只有市级管理员可以修改服务目录');
