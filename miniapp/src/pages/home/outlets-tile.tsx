import { Text, View } from '@tarojs/components';

import { ROUTES, openPage } from '../../navigation/routes';

/** 便民: the shops and service points near home, as big as 老年助餐's tile, right under it. */
export function OutletsTile() {
  return (
    <View className='meal-tile outlets-tile' hoverClass='outlets-tile--pressed' ariaRole='button' onClick={() => openPage(ROUTES.outlets)}>
      <Text className='meal-tile__name'>便民网点</Text>
      <Text className='meal-tile__line'>附近的早餐、菜店、药店、理发，哪家开着门 ›</Text>
    </View>
  );
}
