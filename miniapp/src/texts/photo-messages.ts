import { MAX_PHOTOS_PER_ORDER } from '@linli/shared';

import { ORDER_MESSAGES } from './order-messages';

import type { ApiError } from '../services/api-error';

/** Sentences for a failed photo upload, by what went wrong; and REFRESHED, when expired photo paths were renewed. */
export const PHOTO_MESSAGES = {
  TOO_LARGE: '照片太大（不超过 2 MB）',
  NOT_AN_IMAGE: '只能上传 JPG 或 PNG 照片',
  TOO_MANY: `每个订单最多 ${MAX_PHOTOS_PER_ORDER} 张照片`,
  WRONG_STATUS: '服务开始后、居民确认前才能上传照片',
  NO_CAMERA: '打不开相机或相册，请在手机设置里允许后再试',
  REFRESHED: '照片已更新，请再点一次',
} as const;

/**
 * The message to show for a failed upload. By status as well as code: a gateway in front of the API answers a too
 * large body with its own 413 page, which the request layer reads as BAD_RESPONSE.
 */
export function photoErrorMessage(error: ApiError): string {
  if (error.code === 'PAYLOAD_TOO_LARGE' || error.status === 413) return PHOTO_MESSAGES.TOO_LARGE;
  if (error.code === 'UNSUPPORTED_MEDIA_TYPE' || error.status === 415) return PHOTO_MESSAGES.NOT_AN_IMAGE;
  if (error.code === 'CONFLICT') return PHOTO_MESSAGES.TOO_MANY;
  if (error.code === 'INVALID_TRANSITION') return PHOTO_MESSAGES.WRONG_STATUS;
  if (error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT') return ORDER_MESSAGES.NETWORK_RETRY;
  return error.message;
}
