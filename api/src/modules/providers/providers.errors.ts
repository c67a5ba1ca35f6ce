import { PROVIDER_STATUS_LABELS, type ProviderStatus } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';

/* The refusals of provider management; the code decides the HTTP status in the one table in common/errors. */

export const providerMoveRefused = (from: ProviderStatus, to: ProviderStatus) =>
  new DomainError('INVALID_TRANSITION', `该机构当前为“${PROVIDER_STATUS_LABELS[from]}”，不能改为“${PROVIDER_STATUS_LABELS[to]}”`, { status: from });
