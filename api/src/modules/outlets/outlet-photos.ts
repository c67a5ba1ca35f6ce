import { Inject, Injectable } from '@nestjs/common';
import { OUTLET_PHOTOS_MAX } from '@linli/shared';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { issueSignedReference, verifySignedReference } from '../../common/security/signed-reference';
import { IMAGE_CONTENT_TYPES, PhotoStorage, sniffImageType, type ImageContentType } from '../../common/storage/photo-storage';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

const HOUR_MS = 60 * 60 * 1000;
/** How an uploaded photo sits in `outlet.photo_urls`, beside linked https URLs. */
const STORED = /^upload:([0-9a-f-]{36})$/;
/** The signed path a view hands out; its id is read back only to match it against the outlet's own photos. */
const SIGNED_PATH = /^\/outlet-photos\/([0-9a-f-]{36})\.\d{9,11}\.[A-Za-z0-9_-]{22}$/;

export const storedPhoto = (id: string) => `upload:${id}`;

/** The ids of the uploaded photos among an outlet's stored photo entries. */
export function uploadedPhotoIds(stored: string[]): string[] {
  return stored.map((entry) => STORED.exec(entry)?.[1]).filter((id): id is string => id !== undefined);
}

export const outletPhotosFull = () =>
  new ValidationFailedError([{ field: 'photoUrls', constraints: ['arrayMaxSize'], message: `一个网点最多 ${OUTLET_PHOTOS_MAX} 张照片，请先删掉一张` }]);

const notThisOutletsPhoto = () => new ValidationFailedError([{ field: 'photoUrls', constraints: ['outletPhoto'], message: '照片不是这个网点的（新网点请先保存，再添加照片）' }]);

/**
 * Photos uploaded for outlets: the bytes in PhotoStorage by id, the outlet's `photo_urls` holding `upload:<id>` (so
 * the outlet row is the record of which photos are its own; no table of their own). Views hand out a signed path
 * (an `<Image>` cannot send a bearer token), valid until the end of the next whole hour like dish photos, so a
 * list's addresses stay the same for an hour and each works for at least an hour.
 */
@Injectable()
export class OutletPhotos {
  constructor(
    private readonly storage: PhotoStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What a view shows for a stored entry: an https URL as it is, an uploaded photo by its signed path. */
  srcOf(stored: string, now = new Date()): string {
    const id = STORED.exec(stored)?.[1];
    if (!id) return stored;
    const expiresAt = new Date((Math.floor(now.getTime() / HOUR_MS) + 2) * HOUR_MS);
    return `/outlet-photos/${issueSignedReference(this.config.secrets.jwtSecret, 'outlet-photos', id, expiresAt)}`;
  }

  /**
   * What to store for the photo list staff sent: https URLs as they are; a signed path is kept as `upload:<id>`
   * when it names one of the outlet's own uploaded photos (`current`: what it stores now; none for a new outlet).
   * Its expiry is not checked: an editor left open past the hour still saves, and the id is matched to the outlet.
   */
  storedOf(photoUrls: string[], current: string[]): string[] {
    const own = new Set(uploadedPhotoIds(current));
    return photoUrls.map((url) => {
      const id = SIGNED_PATH.exec(url)?.[1];
      if (id === undefined) return url;
      if (!own.has(id)) throw notThisOutletsPhoto();
      return storedPhoto(id);
    });
  }

  /** JPEG, PNG or WebP by its first bytes (the client's content type is not trusted); null for anything else. */
  imageType(bytes: Buffer): ImageContentType | null {
    return sniffImageType(bytes, IMAGE_CONTENT_TYPES);
  }

  save(id: string, bytes: Buffer): Promise<void> {
    return this.storage.save(id, bytes);
  }

  /** The bytes behind a signed path and their type; 404 for anything forged, expired or removed. */
  async read(reference: string): Promise<{ bytes: Buffer; contentType: ImageContentType }> {
    const id = verifySignedReference(this.config.secrets.jwtSecret, 'outlet-photos', reference);
    const bytes = id ? await this.storage.read(id).catch(() => null) : null;
    const contentType = bytes ? this.imageType(bytes) : null;
    if (!bytes || !contentType) throw new NotFoundError('该照片');
    return { bytes, contentType };
  }

  /** Deletes the files of uploaded photos an outlet no longer has (after the change is committed). */
  async removeFiles(ids: string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.storage.remove(id)));
  }
}
