import { Image, Text, View } from '@tarojs/components';
import { DISH_KIND_LABELS, DISH_TAG_LABELS } from '@linli/shared';

import type { DishView } from '@linli/shared';
import type { ReactNode } from 'react';

import { dishPhotoSrc } from '../../services/dish-photos';
import { yuan } from '../../texts/meal-messages';

/** A dish as the menu shows it: a big photo (or a low plain band when the canteen has none), name, tags, allergens. */
export function DishCard({ dish, children }: { dish: DishView; children?: ReactNode }) {
  const soldOut = dish.remaining === 0;
  return (
    <View className={`dish-card${soldOut ? ' dish-card--sold-out' : ''}`}>
      {dish.photoUrl ? (
        <Image className='dish-card__photo' src={dishPhotoSrc(dish.photoUrl)} mode='aspectFill' ariaLabel={dish.name} />
      ) : (
        <View className='dish-card__photo dish-card__photo--none'>
          <Text className='dish-card__plate'>暂无照片</Text>
        </View>
      )}
      <View className='dish-card__head'>
        <Text className='dish-card__name'>{dish.name}</Text>
        <Text className='dish-card__kind'>{DISH_KIND_LABELS[dish.kind]}</Text>
      </View>
      {dish.tags.length > 0 && (
        <View className='dish-card__tags'>
          {dish.tags.map((tag) => (
            <Text key={tag} className='dish-card__tag'>
              {DISH_TAG_LABELS[tag]}
            </Text>
          ))}
        </View>
      )}
      {dish.allergens.length > 0 && <Text className='dish-card__line'>含：{dish.allergens.join('、')}</Text>}
      <Text className='dish-card__line'>
        菜单价 {yuan(dish.priceFen)}
        {soldOut ? '，已售完' : dish.remaining !== null ? `，还剩 ${dish.remaining} 份` : ''}
      </Text>
      {children}
    </View>
  );
}
