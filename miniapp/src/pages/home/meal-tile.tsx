import { Text, View } from '@tarojs/components';

import { ROUTES, openPage } from '../../navigation/routes';

/** 老年助餐 as a tile as big as the categories, the full width: elders and their families order meals every day. */
export function MealTile() {
  return (
    <View className='meal-tile' hoverClass='meal-tile--pressed' ariaRole='button' onClick={() => openPage(ROUTES.mealsHome)}>
      <Text className='meal-tile__name'>老年助餐</Text>
      <Text className='meal-tile__line'>社区食堂订餐，可为家里老人订 ›</Text>
    </View>
  );
}
