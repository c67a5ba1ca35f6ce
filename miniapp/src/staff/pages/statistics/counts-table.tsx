import { Text, View } from '@tarojs/components';

import type { BookingCounts } from '@linli/shared';

import { formatRate } from '../../forms/statistics-form';

/** One breakdown (by 分类, 服务, 社区 or 日期): a row per key with bookings, no-shows and the no-show rate. */
export function CountsTable({ title, rows, className }: { title: string; rows: BookingCounts[]; className: string }) {
  return (
    <View className={`staff-table ${className}`}>
      <Text className='staff-desk__label'>{title}</Text>
      <View className='staff-table__row staff-table__row--head'>
        <Text className='staff-table__label'>{title.replace(/^按/, '')}</Text>
        <Text className='staff-table__cell'>预约</Text>
        <Text className='staff-table__cell'>未到</Text>
        <Text className='staff-table__cell'>未到率</Text>
      </View>
      {rows.length === 0 && <Text className='staff-form__line'>这段时间没有预约</Text>}
      {rows.map((row) => (
        <View key={row.key} className='staff-table__row stats-row'>
          <Text className='staff-table__label'>{row.label}</Text>
          <Text className='staff-table__cell'>{row.bookings}</Text>
          <Text className='staff-table__cell'>{row.noShows}</Text>
          <Text className='staff-table__cell stats-rate'>{formatRate(row.noShowRate)}</Text>
        </View>
      ))}
    </View>
  );
}
