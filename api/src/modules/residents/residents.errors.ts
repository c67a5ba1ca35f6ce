import { CURRENT_PRIVACY_POLICY_VERSION } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';

/* The refusals of resident records and the resident's own account; the code decides the HTTP status in the one table in common/errors. */

export const idNumberTaken = () => new DomainError('ID_NUMBER_TAKEN', '该身份证号已登记，如需代办请联系社区工作人员');

/** The version accepted is not the current one: the client showed old terms. */
export const privacyPolicyOutdated = () => new DomainError('CONFLICT', '隐私政策已更新，请阅读最新版本后再同意', { currentVersion: CURRENT_PRIVACY_POLICY_VERSION });

/** SMS goes to the phone on the record: without one there is nothing to text (decision 0020). */
export const smsNeedsPhone = () => new DomainError('SMS_NEEDS_PHONE', '该居民没有登记手机号，不能开通短信提醒；请先登记老人或家属的手机号');
