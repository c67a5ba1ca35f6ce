import Taro from '@tarojs/taro';
import { MAX_PHOTOS_PER_ORDER } from '@linli/shared';

import type { OrderPhotoView } from '@linli/shared';

import { ApiError } from './api-error';
import { ORDER_MESSAGES } from './order-messages';
import { apiUrl, CLIENT_ERROR_MESSAGES, upload } from './request';

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
 * How long photo paths are trusted after they arrive (phone time, differences only): the API signs them for 15
 * minutes, less a minute for the request that brought them.
 */
export const PHOTO_FRESH_MS = 14 * 60_000;

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

/**
 * Uploads one photo of the work on an order the worker holds (`in_service` or `completed`). Rejects with an ApiError
 * whose message is the photo sentence for it (photoErrorMessage), ready to show.
 */
export async function uploadOrderPhoto(orderId: string, filePath: string): Promise<OrderPhotoView> {
  let photo: OrderPhotoView;
  try {
    photo = await upload<OrderPhotoView>(`/worker/orders/${encodeURIComponent(orderId)}/photos`, { filePath, name: 'photo' });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const { code, status, details, requestId } = error;
    throw new ApiError({ code, status, details, requestId, message: photoErrorMessage(error), cause: error });
  }
  if (typeof photo?.id !== 'string' || typeof photo.path !== 'string') {
    throw new ApiError({ code: 'BAD_RESPONSE', message: CLIENT_ERROR_MESSAGES.BAD_RESPONSE, status: 201 });
  }
  return photo;
}

/** The phone would not open the camera or the album (no permission): the message is PHOTO_MESSAGES.NO_CAMERA. */
export class PhotoPickError extends Error {
  constructor(cause: unknown) {
    super(PHOTO_MESSAGES.NO_CAMERA, { cause });
    this.name = 'PhotoPickError';
  }
}

/** One photo from the camera or the album (compressed by the phone), or null when the worker backed out. */
export async function choosePhoto(): Promise<string | null> {
  try {
    const { tempFilePaths } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    return tempFilePaths[0] ?? null;
  } catch (failure) {
    const { errMsg } = (failure ?? {}) as { errMsg?: string };
    if (/cancel/i.test(errMsg ?? '')) return null;
    throw new PhotoPickError(failure);
  }
}

/** The address an `<Image>` loads a photo from (its signed path works for a few minutes, without a token). */
export function photoUrl(photo: OrderPhotoView): string {
  return apiUrl(photo.path);
}

/** The phone's full-screen viewer, swiping through all the photos, opened at the one tapped. */
export function previewPhotos(urls: string[], index: number): void {
  Taro.previewImage({ urls, current: urls[index] }).catch(() => undefined);
}
