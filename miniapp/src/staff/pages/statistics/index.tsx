import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';

import type { BookingStatistics, CentreSummary } from '@linli/shared';

import { RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { useErrorToast } from '../../hooks/useErrorToast';
import { useCsvExport, useStatistics } from '../../hooks/useStatistics';
import { formatRate, RANGE_LABELS } from '../../forms/statistics-form';
import { CentreChoice } from '../../components/centre-choice';
import { Chips } from '../../components/chips';
import { SaveMessage } from '../../components/save-state';
import { StaffDeskPage } from '../../components/staff-gate';
import { CountsTable } from './counts-table';

import type { RangePreset } from '../../forms/statistics-form';
import type { DateRange } from '../../../services/staff-admin';

import '../../components/staff-desk.scss';

const CAN_DOWNLOAD = process.env.TARO_ENV === 'h5';
const PRESETS = (Object.keys(RANGE_LABELS) as RangePreset[]).map((value) => ({ value, label: RANGE_LABELS[value] }));

function Totals({ stats }: { stats: BookingStatistics }) {
  const items = [
    { label: '预约数', value: String(stats.totals.bookings), className: 'stats-total--bookings' },
    { label: '未到场', value: String(stats.totals.noShows), className: 'stats-total--no-shows' },
    { label: '未到场率', value: formatRate(stats.totals.noShowRate), className: 'stats-total--rate' },
  ];
  return (
    <View className='staff-desk__choices stats-totals'>
      {items.map((item) => (
        <View key={item.label} className={`staff-form stats-total ${item.className}`}>
          <Text className='staff-form__line'>{item.label}</Text>
          <Text className='staff-form__title stats-total__value'>{item.value}</Text>
        </View>
      ))}
    </View>
  );
}

function CsvExport({ range }: { range: DateRange }) {
  const [centre, setCentre] = useState<CentreSummary | null>(null);
  const exporter = useCsvExport(centre?.id ?? null, centre?.name ?? '', range);
  if (!CAN_DOWNLOAD) {
    return <Text className='staff-desk__message staff-desk__message--done stats-export-hint'>导出 CSV：请在电脑浏览器中导出</Text>;
  }
  return (
    <View className='staff-form stats-export'>
      <Text className='staff-desk__label'>导出 CSV（最多 31 天）</Text>
      <CentreChoice value={centre?.id ?? null} onChange={setCentre} />
      <SaveMessage state={exporter.state} doneText='已导出，请在下载的文件中查看' />
      <SubmitButton className='stats-export__button' pending={exporter.state.status === 'pending'} onClick={exporter.run}>
        导出 CSV
      </SubmitButton>
    </View>
  );
}

function Desk() {
  const stats = useStatistics();
  useErrorToast(stats.state);
  return (
    <>
      <Text className='staff-desk__title'>统计</Text>
      <Chips className='stats-range' chips={PRESETS} value={stats.preset} onChange={stats.setPreset} />
      {stats.preset === 'custom' && (
        <View className='staff-form stats-custom'>
          <TextField label='开始日期' value={stats.typed.from} onChange={(from) => stats.setTyped({ ...stats.typed, from })} inputClassName='stats-from' maxlength={10} />
          <TextField label='结束日期' value={stats.typed.to} onChange={(to) => stats.setTyped({ ...stats.typed, to })} inputClassName='stats-to' maxlength={10} />
          {stats.rangeError && <Text className='staff-desk__message'>{stats.rangeError}</Text>}
          <Button className='stats-apply' type='primary' size='large' block onClick={stats.applyTyped}>
            查询
          </Button>
        </View>
      )}
      <Text className='staff-desk__line stats-period'>
        {stats.range.from} 至 {stats.range.to}
      </Text>
      <RemoteContent state={stats.state} onRetry={stats.retry} emptyText=''>
        {(data) => (
          <>
            <Totals stats={data} />
            <CountsTable title='按分类' rows={data.byCategory} className='stats-by-category' />
            <CountsTable title='按服务' rows={data.byService} className='stats-by-service' />
            <CountsTable title='按社区' rows={data.byArea} className='stats-by-area' />
            <CountsTable title='按日期' rows={data.byDay} className='stats-by-day' />
          </>
        )}
      </RemoteContent>
      <CsvExport range={stats.range} />
    </>
  );
}

/** 统计: bookings and no-shows of a date range by category, service, community and day; CSV export on a computer. */
export function StaffStatisticsPage() {
  return <StaffDeskPage title='统计' desk={() => <Desk />} />;
}

export default StaffStatisticsPage;
