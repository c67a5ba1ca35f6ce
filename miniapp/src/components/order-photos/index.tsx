import { Image, Text, View } from '@tarojs/components';

import type { OrderPhotoView } from '@linli/shared';

import { photoUrl, previewPhotos } from '../../services/order-photos';

import './index.scss';

export interface OrderPhotosProps {
  photos: readonly OrderPhotoView[];
  /** The heading above the thumbnails. */
  title?: string;
}

/** Photos of the work as big thumbnails; a tap opens the phone's viewer on all of them. Nothing when there are none. */
export function OrderPhotos({ photos, title = '服务照片' }: OrderPhotosProps) {
  if (photos.length === 0) return null;
  const urls = photos.map(photoUrl);
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
            onClick={(event) => {
              // A thumbnail inside a tappable card opens the photo, not the card.
              event.stopPropagation();
              previewPhotos(urls, index);
            }}
          />
        ))}
      </View>
    </View>
  );
}
