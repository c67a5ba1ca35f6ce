import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MAX_DISH_PHOTO_BYTES, type DishPhotoView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-error';
import { issueSignedReference, verifySignedReference } from '../../common/security/signed-reference';
import { PhotoStorage, sniffImageType } from '../../common/storage/photo-storage';
import { notAPhoto, photoTooLarge } from '../../common/storage/photo-upload';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { DISH_PHOTO_CONTENT_TYPES, type DishPhotoContentType } from './dish-photo.entity';
import { DishPhotosRepository } from './dish-photos.repository';
import { MealPointAccess } from './meal-point-access';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Photos of dishes: those who run a meal point upload them; menus hand everyone signed in a signed path to each
 * (an `<Image>` cannot send a bearer token). A path is valid until the end of the next whole hour, so the menu's
 * addresses stay the same for an hour (the phone's image cache keeps working) and each works for at least an hour.
 */
@Injectable()
export class DishPhotosService {
  constructor(
    private readonly access: MealPointAccess,
    private readonly photos: DishPhotosRepository,
    private readonly storage: PhotoStorage,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores a JPEG, PNG or WebP photo (checked by its first bytes) for a dish of this point; the bytes go first, the row after. */
  async upload(auth: AuthContext, mealPointId: string, bytes: Buffer): Promise<DishPhotoView> {
    const point = await this.access.managed(auth, mealPointId);
    if (bytes.length > MAX_DISH_PHOTO_BYTES) throw photoTooLarge(MAX_DISH_PHOTO_BYTES);
    const contentType = sniffImageType(bytes, DISH_PHOTO_CONTENT_TYPES);
    if (!contentType) throw notAPhoto('JPG、PNG 或 WebP');
    const id = randomUUID();
    await this.storage.save(id, bytes);
    try {
      await this.transactions.write((manager) =>
        this.photos.insertPhoto(manager, { id, mealPointId: point.id, contentType, sizeBytes: bytes.length, uploadedByAccountId: auth.accountId, createdAt: new Date() }),
      );
    } catch (error) {
      await this.storage.remove(id);
      throw error;
    }
    return { id, path: this.pathOf(id) };
  }

  /** The bytes behind a signed path; 404 for anything forged, expired or gone. */
  async read(reference: string): Promise<{ bytes: Buffer; contentType: DishPhotoContentType }> {
    const id = verifySignedReference(this.config.secrets.jwtSecret, 'dish-photos', reference);
    const photo = id ? await this.photos.findPhoto(id) : null;
    if (!photo) throw new NotFoundError('该照片');
    return { bytes: await this.storage.read(photo.id), contentType: photo.contentType };
  }

  pathOf(id: string, now = new Date()): string {
    const expiresAt = new Date((Math.floor(now.getTime() / HOUR_MS) + 2) * HOUR_MS);
    return `/dish-photos/${issueSignedReference(this.config.secrets.jwtSecret, 'dish-photos', id, expiresAt)}`;
  }

  /** The ids among these that are not photos of this meal point (a menu may only use its own point's photos). */
  async foreignPhotoIds(mealPointId: string, ids: string[]): Promise<string[]> {
    const own = new Set(await this.photos.listPhotoIdsOfPoint(mealPointId, [...new Set(ids)]));
    return ids.filter((id) => !own.has(id));
  }
}
