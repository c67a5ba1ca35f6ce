import { useRef, useState } from 'react';
import { MAX_PHOTOS_PER_ORDER } from '@linli/shared';

import type { OrderPhotoView, OrderStatus, ServiceOrderView } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { choosePhoto, PhotoPickError } from '../../device/photos';
import { uploadOrderPhoto } from '../../services/order-photos';

/** The worker may add photos while serving and after 完成服务, until the resident confirms (as the API allows). */
export const PHOTO_STATUSES: readonly OrderStatus[] = ['in_service', 'completed'];

export function canAddPhoto(order: ServiceOrderView): boolean {
  return PHOTO_STATUSES.includes(order.status) && order.photos.length < MAX_PHOTOS_PER_ORDER;
}

/** A photo upload of one order: on its way, or why it failed. */
export type PhotoUpload = { status: 'pending' } | { status: 'failed'; message: string };

export interface WorkPhotosHandle {
  /** By order id. */
  uploads: Record<string, PhotoUpload | undefined>;
  /** 拍照上传: the camera or the album, then the upload; `onUploaded` gets the photo the API stored. */
  addPhoto: (order: ServiceOrderView) => void;
}

/** Photos of the work, one at a time per order. */
export function useWorkPhotos(onUploaded: (orderId: string, photo: OrderPhotoView) => void): WorkPhotosHandle {
  const [uploads, setUploads] = useState<Record<string, PhotoUpload | undefined>>({});
  /**
   * Orders with an upload running (state lags one render; a double tap must not send twice). Not held while the
   * camera or album is open: a browser without the file input's cancel event never reports backing out of it.
   */
  const busy = useRef(new Set<string>());
  const set = (orderId: string, upload: PhotoUpload | undefined) => setUploads((current) => ({ ...current, [orderId]: upload }));

  const fail = (orderId: string, error: unknown) => {
    if (error instanceof ApiError || error instanceof PhotoPickError) {
      set(orderId, { status: 'failed', message: error.message });
    } else {
      throw error;
    }
  };

  const addPhoto = (order: ServiceOrderView) => {
    const { id } = order;
    if (busy.current.has(id) || !canAddPhoto(order)) return;
    set(id, undefined);
    choosePhoto().then(
      (filePath) => {
        if (!filePath || busy.current.has(id)) return;
        busy.current.add(id);
        set(id, { status: 'pending' });
        uploadOrderPhoto(id, filePath)
          .finally(() => busy.current.delete(id))
          .then(
            (photo) => {
              set(id, undefined);
              onUploaded(id, photo);
            },
            (error: unknown) => fail(id, error),
          );
      },
      (error: unknown) => fail(id, error),
    );
  };

  return { uploads, addPhoto };
}
