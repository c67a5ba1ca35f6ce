import { CURRENT_PRIVACY_POLICY_VERSION } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';

/* The refusals about accounts; the code decides the HTTP status in the one table in common/errors. */

export const consentRequired = () => new DomainError('CONSENT_REQUIRED', '请先阅读并同意隐私政策', { version: CURRENT_PRIVACY_POLICY_VERSION });
