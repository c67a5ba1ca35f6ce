import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

import type { OrderPhotoView } from '@linli/shared';

import { previewPhotos } from '../../device/photos';
import { PHOTO_FRESH_MS, photoUrl } from '../../services/order-photos';
import { PHOTO_MESSAGES } from '../../texts/photo-messages';

import './index.scss';

export interface OrderPhotosProps {
  photos: readonly OrderPhotoView[];
  /** The heading above the thumbnails. */
  title?: string;
  /**
   * The photo paths have expired (a thumbnail failed to load, or they are older than PHOTO_FRESH_MS): the page should
   * load its data again quietly, which brings freshly signed paths. Called at most once per photo per PHOTO_FRESH_MS.
   */
  onStale?: () => void;
}

/**
 * When the shown paths arrived, and when each photo (by id: its path is signed anew on every load) was last reported
 * stale. Reporting by id and not by path keeps a photo that really is broken from reloading the page in a loop.
 */
function useStaleReporter(photos: readonly OrderPhotoView[], onStale: (() => void) | undefined) {
  const paths = photos.map((photo) => photo.path).join('\n');
  const receivedAt = useRef(Date.now());
  const reportedAt = useRef(new Map<string, number>());
  useEffect(() => {
    receivedAt.current = Date.now();
  }, [paths]);

  /** Calls onStale unless one of these photos was reported lately; true when it did. */
  const report = (): boolean => {
    const now = Date.now();
    if (!onStale || photos.some((photo) => now - (reportedAt.current.get(photo.id) ?? -Infinity) < PHOTO_FRESH_MS)) return false;
    for (const photo of photos) reportedAt.current.set(photo.id, now);
    onStale();
    return true;
  };
  const expired = () => Date.now() - receivedAt.current > PHOTO_FRESH_MS;
  return { report, expired };
}

/** Photos of the work as big thumbnails; a tap opens the phone's viewer on all of them. Nothing when there are none. */
export function OrderPhotos({ photos, title = '服务照片', onStale }: OrderPhotosProps) {
  const stale = useStaleReporter(photos, onStale);
  if (photos.length === 0) return null;
  const urls = photos.map(photoUrl);
  const open = (index: number) => {
    // Expired paths would show an empty black viewer, which reads as "the photo is gone"; a toast asking for one more
    // tap, by then on fresh paths, is clearer than a viewer popping up by itself a moment later.
    if (stale.expired() && stale.report()) {
      void Taro.showToast({ title: PHOTO_MESSAGES.REFRESHED, icon: 'none', duration: 2000 });
      return;
    }
    previewPhotos(urls, index);
  };
  return (
    <View className='order-photos'>
      <Text className='order-photos__title'>
        {title}（{photos.length} 张，点一下看大图）
      </Text>
      <View className='order-photos__grid'>
        {photos.map((photo, index) => (
          <Image
            key={photo.id}
            className='order-photos__thumb'
            src={urls[index]}
            mode='aspectFill'
            ariaLabel={`第 ${index + 1} 张照片，点一下看大图`}
            onError={() => stale.report()}
            onClick={(event) => {
              // A thumbnail inside a tappable card opens the photo, not the card.
              event.stopPropagation();
              open(index);
            }}
          />
        ))}
      </View>
    </View>
  );
}
