import { Text, View } from '@tarojs/components';

import type { CategoryWithServices } from '@linli/shared';

import { openCategory } from '../../navigation/routes';

export interface CategoryTilesProps {
  categories: CategoryWithServices[];
}

/** The eight categories as big tiles, two per row: the first thing a resident sees and taps. */
export function CategoryTiles({ categories }: CategoryTilesProps) {
  return (
    <View className='category-tiles'>
      {categories.map((category) => (
        <View key={category.id} className='category-tile' hoverClass='category-tile--pressed' onClick={() => openCategory(category.id)}>
          <Text className='category-tile__name'>{category.name}</Text>
          <Text className='category-tile__count'>{category.services.length} 项服务 ›</Text>
        </View>
      ))}
    </View>
  );
}
