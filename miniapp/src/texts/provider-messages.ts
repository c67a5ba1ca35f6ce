import type { ApiError } from '../services/api-error';

/** Sentences the provider screens show inline for the errors that can happen there. */
export const PROVIDER_MESSAGES = {
  USERNAME_TAKEN: '这个登录名已被其他机构使用，请换一个',
  APPLICATION_PENDING: '您已有一份入驻申请正在审核，请等审核结果出来后再申请',
  REGION_NOT_FOUND: '没有找到这个社区，请重新选择',
  INVALID_TRANSITION: '这个机构的状态已经变了，列表已刷新，请看最新状态',
  FIX_FIELDS: '还有内容没填好，请看上面红字提示',
} as const;

/** Which field a CONFLICT answer is about (`adminUsername`, `application`), from its details. */
export function conflictField(error: ApiError): string | null {
  if (error.code !== 'CONFLICT' || typeof error.details !== 'object' || error.details === null) return null;
  const { field } = error.details as { field?: unknown };
  return typeof field === 'string' ? field : null;
}
