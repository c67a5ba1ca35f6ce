import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  describeOpenState,
  describeRanges,
  outletOpenState,
  OUTLET_ELDER_FEATURE_LABELS,
  OUTLET_KIND_LABELS,
  OUTLET_REPORT_REASON_LABELS,
  OUTLET_REPORT_REASONS,
  rangesStartingOn,
  weekdayName,
  addDays,
  isoWeekdayOf,
  shanghaiDateOf,
} from '@linli/shared';

import type { OutletReportReason, OutletView } from '@linli/shared';

import { PageRoot } from '../../../components/page-root';
import { RemoteRecord } from '../../../components/remote-content';
import { showOnMap } from '../../../device/map';
import { previewPhotos } from '../../../device/photos';
import { usePageId } from '../../../hooks/usePageId';
import { outletPhotoSrc } from '../../../services/outlets';
import { useOutlet } from '../../hooks/useOutlet';

import type { OutletHandle } from '../../hooks/useOutlet';

import '../../components/outlets.scss';

/** The coming seven days from today, each with its own hours (a holiday shows as such). */
function WeekHours({ outlet, today }: { outlet: OutletView; today: string }) {
  return (
    <View className='outlet__week'>
      {Array.from({ length: 7 }, (_, offset) => addDays(today, offset)).map((date) => {
        const dated = outlet.hours.dated.find((day) => day.date === date);
        return (
          <View key={date} className={`outlet__day${date === today ? ' outlet__day--today' : ''}`} data-date={date}>
            <Text className='outlet__day-name'>{date === today ? '今天' : weekdayName(isoWeekdayOf(date))}</Text>
            <Text className='outlet__day-hours'>
              {describeRanges(rangesStartingOn(outlet.hours, date))}
              {dated?.note ? `（${dated.note}）` : ''}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

/** The outlet's photos, side by side; a tap opens the phone's viewer at that one. */
function Photos({ outlet }: { outlet: OutletView }) {
  const sources = outlet.photoUrls.map(outletPhotoSrc);
  if (sources.length === 0) return null;
  return (
    <View className='outlet__photos'>
      {sources.map((src, index) => (
        <Image key={src} className='outlet__photo' src={src} mode='aspectFill' ariaLabel={`${outlet.name}的照片 ${index + 1}`} onClick={() => previewPhotos(sources, index)} />
      ))}
    </View>
  );
}

function ReportForm({ handle }: { handle: OutletHandle }) {
  const [reason, setReason] = useState<OutletReportReason | null>(null);
  const [note, setNote] = useState('');
  if (handle.report.status === 'sent') return <Text className='outlet__message outlet__message--done'>谢谢！工作人员会核实并更正。</Text>;
  return (
    <View className='outlet__report'>
      <Text className='outlet__section'>哪里不对？</Text>
      <View className='kind-chips'>
        {OUTLET_REPORT_REASONS.map((candidate) => (
          <View
            key={candidate}
            className={`kind-chips__chip${candidate === reason ? ' kind-chips__chip--selected' : ''}`}
            ariaRole='radio'
            data-reason={candidate}
            onClick={() => setReason(candidate)}
          >
            <Text>{OUTLET_REPORT_REASON_LABELS[candidate]}</Text>
          </View>
        ))}
      </View>
      <Textarea className='outlet__note' value={note} maxlength={200} placeholder='补充说明（可不填）' onInput={(event) => setNote(event.detail.value)} />
      <Button
        className='outlet__action outlet__report-send'
        type='primary'
        size='large'
        block
        disabled={!reason}
        loading={handle.report.status === 'sending'}
        onClick={() => reason && handle.sendReport(reason, note)}
      >
        提交
      </Button>
      {handle.report.status === 'failed' && <Text className='outlet__message'>{handle.report.message}</Text>}
    </View>
  );
}

function OutletDetails({ outlet, handle }: { outlet: OutletView; handle: OutletHandle }) {
  const [mapFailed, setMapFailed] = useState(false);
  const [reporting, setReporting] = useState(false);
  const now = new Date();
  const state = outletOpenState(outlet.hours, now);
  const navigate = () => {
    setMapFailed(false);
    showOnMap(outlet).catch(() => setMapFailed(true));
  };
  return (
    <View className='outlet'>
      <Text className='outlet__name'>{outlet.name}</Text>
      <View className='outlet-card__tags'>
        <Text className='outlet-card__kind'>{OUTLET_KIND_LABELS[outlet.kind]}</Text>
        <Text className={`outlet-card__badge outlet-card__badge--${state.open ? 'open' : 'closed'}`}>{describeOpenState(state, now)}</Text>
      </View>
      <Photos outlet={outlet} />
      <Text className='outlet__line'>地址：{outlet.address}</Text>
      <Text className='outlet__line'>电话：{outlet.phone}</Text>
      {outlet.services.length > 0 && <Text className='outlet__line'>服务：{outlet.services.join('、')}</Text>}
      {outlet.elderFeatures.length > 0 && <Text className='outlet__line'>适老：{outlet.elderFeatures.map((feature) => OUTLET_ELDER_FEATURE_LABELS[feature]).join('、')}</Text>}
      {outlet.verifiedOn && <Text className='outlet__line outlet__line--quiet'>工作人员 {outlet.verifiedOn} 核实</Text>}
      <Button className='outlet__action outlet__call' type='primary' size='large' block onClick={() => void Taro.makePhoneCall({ phoneNumber: outlet.phone })}>
        拨打电话
      </Button>
      <Button className='outlet__action outlet__navigate' size='large' block onClick={navigate}>
        导航
      </Button>
      {mapFailed && <Text className='outlet__message'>打不开地图，请按上面的地址前往，或打电话问路。</Text>}
      <Text className='outlet__section'>营业时间</Text>
      <WeekHours outlet={outlet} today={shanghaiDateOf(now)} />
      {reporting ? (
        <ReportForm handle={handle} />
      ) : (
        <Button className='outlet__action outlet__report-open' size='large' block onClick={() => setReporting(true)}>
          信息有误
        </Button>
      )}
    </View>
  );
}

export function OutletPage() {
  const handle = useOutlet(usePageId());
  return (
    <PageRoot>
      <RemoteRecord state={handle.state} onRetry={handle.retry} notFoundText='这个网点已不在目录中'>
        {(outlet) => <OutletDetails outlet={outlet} handle={handle} />}
      </RemoteRecord>
    </PageRoot>
  );
}

export default OutletPage;
