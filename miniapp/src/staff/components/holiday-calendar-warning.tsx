import { Text, View } from '@tarojs/components';

import { useHolidayCalendarStatus } from '../hooks/useHolidayCalendarStatus';

import './holiday-calendar-warning.scss';

/**
 * On a city admin's console while a year's official holiday calendar is missing (this year, or next year from
 * 1 November): bookings for that year already run on the provisional calendar, which has the statutory days only.
 */
export function HolidayCalendarWarning() {
  const status = useHolidayCalendarStatus();
  if (!status?.missingOfficialYear) return null;
  return (
    <View className='holiday-calendar-warning' ariaRole='alert'>
      <Text className='holiday-calendar-warning__title'>{status.missingOfficialYear}年的国务院节假日安排还没有录入</Text>
      <Text className='holiday-calendar-warning__line'>居民预约暂按法定节假日推算（只有法定假日，没有调休上班），页面上标为“暂定”，节假日安排以国务院通知为准。</Text>
      <Text className='holiday-calendar-warning__line'>
        国务院通知发布后，请更新节假日数据或按通知录入全年安排。{status.lastOfficialYear ? `已有正式安排的最后一年：${status.lastOfficialYear}年。` : ''}
      </Text>
    </View>
  );
}
