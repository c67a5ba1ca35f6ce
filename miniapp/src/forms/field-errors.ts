import type { FieldViolation } from '@linli/shared';

import { ApiError } from '../services/api-error';

/** A VALIDATION_FAILED error's messages by field name, for showing next to each input. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return {};
  const errors: Record<string, string> = {};
  for (const item of error.details as Partial<FieldViolation>[]) {
    if (typeof item?.field === 'string' && typeof item.message === 'string' && !errors[item.field]) {
      errors[item.field] = item.message;
    }
  }
  return errors;
}
