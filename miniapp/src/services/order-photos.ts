import type { OrderPhotoView } from '@linli/shared';

import { ApiError } from './api-error';
import { photoErrorMessage } from '../texts/photo-messages';
import { apiUrl, CLIENT_ERROR_MESSAGES, upload } from './request';

/**
 * How long photo paths are trusted after they arrive (phone time, differences only): the API signs them for 15
 * minutes, less a minute for the request that brought them.
 */
export const PHOTO_FRESH_MS = 14 * 60_000;

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

/** The address an `<Image>` loads a photo from (its signed path works for a few minutes, without a token). */
export function photoUrl(photo: OrderPhotoView): string {
  return apiUrl(photo.path);
}
