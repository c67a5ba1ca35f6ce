import Taro from '@tarojs/taro';

import { PHOTO_MESSAGES } from '../texts/photo-messages';

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

/** The phone's full-screen viewer, swiping through all the photos, opened at the one tapped. */
export function previewPhotos(urls: string[], index: number): void {
  Taro.previewImage({ urls, current: urls[index] }).catch(() => undefined);
}
