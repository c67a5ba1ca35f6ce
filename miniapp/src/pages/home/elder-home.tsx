import { Image, Text, View } from '@tarojs/components';

import { ROUTES, openMeTab, openOrdersTab, openPage, openServicesTab } from '../../navigation/routes';
import calendarIcon from '../../assets/icons/tile-calendar.png';
import mealIcon from '../../assets/icons/tile-meal.png';
import meIcon from '../../assets/icons/tile-me.png';
import ordersIcon from '../../assets/icons/tile-orders.png';
import outletsIcon from '../../assets/icons/tile-outlets.png';

interface ElderTile {
  key: string;
  label: string;
  hint: string;
  icon: string;
  open: () => void;
}

/** The most used entries, in the order older residents use them; the icons are drawn by scripts/draw-icons.mjs. */
const TILES: readonly ElderTile[] = [
  { key: 'book', label: '预约服务', hint: '理发、体检、上门服务', icon: calendarIcon, open: openServicesTab },
  { key: 'meals', label: '老年助餐', hint: '社区食堂订餐', icon: mealIcon, open: () => openPage(ROUTES.mealsHome) },
  { key: 'outlets', label: '便民网点', hint: '附近的菜店、药店', icon: outletsIcon, open: () => openPage(ROUTES.outlets) },
  { key: 'orders', label: '我的预约', hint: '看预约和订单', icon: ordersIcon, open: openOrdersTab },
  { key: 'me', label: '我的', hint: '家人、长辈模式', icon: meIcon, open: openMeTab },
];

/**
 * 首页 in 长辈模式: only the five most used entries, each a big tile with an icon and two lines of words, one to a
 * row so nothing is small or crowded. The icon is decoration (the words name the tile): empty alt on H5.
 */
export function ElderHome() {
  return (
    <View className='elder-home'>
      <Text className='elder-home__title'>您想做什么？</Text>
      {TILES.map((tile) => (
        <View key={tile.key} className={`elder-tile elder-tile--${tile.key}`} hoverClass='elder-tile--pressed' ariaRole='button' ariaLabel={tile.label} onClick={tile.open}>
          <Image className='elder-tile__icon' src={tile.icon} mode='aspectFit' nativeProps={{ alt: '' }} />
          <View className='elder-tile__words'>
            <Text className='elder-tile__label'>{tile.label}</Text>
            <Text className='elder-tile__hint'>{tile.hint}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
