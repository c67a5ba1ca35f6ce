import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MAX_PHOTOS_PER_ORDER, type OrderPhotoView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-error';
import { issueSignedReference, verifySignedReference } from '../../common/security/signed-reference';
import { PhotoStorage, sniffImageType } from '../../common/storage/photo-storage';
import { notAPhoto } from '../../common/storage/photo-upload';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { DispatchRepository } from './dispatch.repository';
import { PHOTO_CONTENT_TYPES, type PhotoContentType } from './order-photo.entity';
import { photoOutsideService, tooManyPhotos } from './dispatch.errors';

/** How long a photo URL handed out in an order view works without a token. */
const PHOTO_URL_SECONDS = 15 * 60;

/**
 * Photos of the finished work: the worker holding the order uploads them while in service or right after completing;
 * whoever may see the order gets short-lived signed paths to them (an `<Image>` cannot send a bearer token).
 */
@Injectable()
export class OrderPhotosService {
  constructor(
    private readonly orders: DispatchRepository,
    private readonly storage: PhotoStorage,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(auth: AuthContext, orderId: string, bytes: Buffer): Promise<OrderPhotoView> {
    const worker = await this.orders.findWorkerByAccount(auth.accountId);
    const order = await this.orders.findOrder(orderId);
    if (!worker || !order || order.workerId !== worker.id) throw new NotFoundError('该订单');
    const contentType = sniffImageType(bytes, PHOTO_CONTENT_TYPES);
    if (!contentType) throw notAPhoto('JPG 或 PNG');
    const id = randomUUID();
    await this.storage.save(id, bytes);
    try {
      await this.transactions.write(async (manager) => {
        if (!(await this.orders.takePhotoPlace(manager, orderId, worker.id))) {
          const current = await this.orders.findOrder(orderId, manager);
          if (current && current.photoCount >= MAX_PHOTOS_PER_ORDER) throw tooManyPhotos();
          throw photoOutsideService(current?.status);
        }
        await this.orders.insertPhoto(manager, { id, orderId, workerId: worker.id, contentType, sizeBytes: bytes.length, createdAt: new Date() });
      });
    } catch (error) {
      await this.storage.remove(id);
      throw error;
    }
    return { id, path: this.pathOf(id) };
  }

  /** The bytes behind a signed path; 404 for anything forged, expired or gone. */
  async read(reference: string): Promise<{ bytes: Buffer; contentType: PhotoContentType }> {
    const id = verifySignedReference(this.config.secrets.jwtSecret, 'order-photos', reference);
    const photo = id ? await this.orders.findPhoto(id) : null;
    if (!photo) throw new NotFoundError('该照片');
    return { bytes: await this.storage.read(photo.id), contentType: photo.contentType };
  }

  /** Signed paths for the photos of these orders, by order id (for the order views). */
  async pathsFor(orderIds: string[]): Promise<Map<string, OrderPhotoView[]>> {
    const byOrder = new Map<string, OrderPhotoView[]>();
    for (const photo of await this.orders.listPhotos(orderIds)) {
      byOrder.set(photo.orderId, [...(byOrder.get(photo.orderId) ?? []), { id: photo.id, path: this.pathOf(photo.id) }]);
    }
    return byOrder;
  }

  private pathOf(id: string): string {
    return `/order-photos/${issueSignedReference(this.config.secrets.jwtSecret, 'order-photos', id, new Date(Date.now() + PHOTO_URL_SECONDS * 1000))}`;
  }
}
