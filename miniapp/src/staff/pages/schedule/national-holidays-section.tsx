import { Text, View } from '@tarojs/components';

import type { CalendarDaySource } from '@linli/shared';

import { RemoteContent } from '../../../components/remote-content';
import { PROVISIONAL_HOLIDAY_NOTE, dateLabel } from '../../../texts/booking-messages';
import { NATIONAL_HOLIDAYS_DAYS, useNationalHolidays } from '../../hooks/useNationalHolidays';

import type { CalendarRun } from '../../hooks/useNationalHolidays';

const SOURCE_LABELS: Record<CalendarDaySource, string> = { official: '国务院通知', admin: '市里录入', provisional: '暂定' };

function runText(run: CalendarRun): string {
  const dates = run.first === run.last ? dateLabel(run.first) : `${dateLabel(run.first)} 至 ${dateLabel(run.last)}`;
  return `${dates} ${run.kind === 'holiday' ? `${run.name} 闭馆` : `${run.name}，按工作日开放`}（${SOURCE_LABELS[run.source]}）`;
}

/**
 * The national holidays and 调休 days of the coming weeks, which close or open every centre without an exception
 * of its own; where the notice is not out yet they are provisional, and the page says so.
 */
export function NationalHolidaysSection() {
  const holidays = useNationalHolidays();
  return (
    <View className='staff-form schedule-holidays'>
      <Text className='staff-desk__label'>国家节假日（全市统一）</Text>
      <RemoteContent state={holidays.state} onRetry={holidays.retry} isEmpty={(runs) => runs.length === 0} emptyText={`未来 ${NATIONAL_HOLIDAYS_DAYS} 天没有节假日和调休。`}>
        {(runs) => (
          <>
            {runs.map((run) => (
              <Text key={run.first} className={`staff-form__line schedule-holiday schedule-holiday--${run.source}`}>
                {runText(run)}
              </Text>
            ))}
            {runs.some((run) => run.source === 'provisional') && <Text className='staff-form__line schedule-holidays__provisional'>{PROVISIONAL_HOLIDAY_NOTE}</Text>}
            <Text className='staff-form__line'>节假日需要开放的，请在上面添加“特殊开放”。</Text>
          </>
        )}
      </RemoteContent>
    </View>
  );
}
