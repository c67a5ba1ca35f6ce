import { MAX_PHOTOS_PER_ORDER } from '@linli/shared';

import type { OrderPhotoView, OrderStatus, ServiceOrderView } from '@linli/shared';

import { choosePhoto, PhotoPickError } from '../../device/photos';
import { useActions } from '../../hooks/useActions';
import { uploadOrderPhoto } from '../../services/order-photos';

import type { ActionState } from '../../hooks/useActions';

/** The worker may add photos while serving and after 完成服务, until the resident confirms (as the API allows). */
export const PHOTO_STATUSES: readonly OrderStatus[] = ['in_service', 'completed'];

export function canAddPhoto(order: ServiceOrderView): boolean {
  return PHOTO_STATUSES.includes(order.status) && order.photos.length < MAX_PHOTOS_PER_ORDER;
}

export interface WorkPhotosHandle {
  /** The photo upload of one order: on its way, or why it failed (the upload's sentence, or the camera's). */
  uploadOf: (orderId: string) => ActionState;
  /** 拍照上传: the camera or the album, then the upload; `onUploaded` gets the photo the API stored. */
  addPhoto: (order: ServiceOrderView) => void;
}

/**
 * Photos of the work, one at a time per order. An order counts as busy only while its upload runs, not while the
 * camera or album is open: a browser without the file input's cancel event never reports backing out of it.
 */
export function useWorkPhotos(onUploaded: (orderId: string, photo: OrderPhotoView) => void): WorkPhotosHandle {
  const uploads = useActions();

  const addPhoto = (order: ServiceOrderView) => {
    const { id } = order;
    if (uploads.of(id).status === 'pending' || !canAddPhoto(order)) return;
    uploads.reset(id);
    choosePhoto().then(
      (filePath) => {
        // The upload's sentence (photoErrorMessage) is its ApiError's message.
        if (filePath) uploads.run(id, () => uploadOrderPhoto(id, filePath), { done: (photo) => onUploaded(id, photo) });
      },
      (error: unknown) => {
        if (!(error instanceof PhotoPickError)) throw error;
        uploads.fail(id, error.message);
      },
    );
  };

  return { uploadOf: uploads.of, addPhoto };
}
