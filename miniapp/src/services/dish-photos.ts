import type { DishPhotoView } from '@linli/shared';

import { ApiError } from './api-error';
import { apiUrl, upload } from './request';
import { PHOTO_MESSAGES } from '../texts/photo-messages';

/**
 * Uploads one dish photo for this meal point (JPEG, PNG or WebP, at most 2 MB): the answer's id goes on the dish as
 * `photoId`, its path shows it. Rejects with an ApiError whose message is ready to show.
 */
export async function uploadDishPhoto(mealPointId: string, filePath: string): Promise<DishPhotoView> {
  try {
    return await upload<DishPhotoView>(`/meal-points/${encodeURIComponent(mealPointId)}/dish-photos`, { filePath, name: 'photo' });
  } catch (error) {
    // A gateway in front of the API answers a too large body with its own 413 page (read as BAD_RESPONSE).
    if (!(error instanceof ApiError) || error.status !== 413) throw error;
    const { code, status, details, requestId } = error;
    throw new ApiError({ code, status, details, requestId, message: PHOTO_MESSAGES.TOO_LARGE, cause: error });
  }
}

/**
 * Where an `<Image>` loads a dish's photo from: an https URL as it is, an uploaded photo's signed path (`/dish-photos/…`,
 * what menus give for `photoId`) under the API's base.
 */
export function dishPhotoSrc(photoUrl: string): string {
  return photoUrl.startsWith('/') ? apiUrl(photoUrl) : photoUrl;
}
