import { Text } from '@tarojs/components';
import { useMemo, useState } from 'react';

import { RemoteContent } from '../../../components/remote-content';
import { useScheduleEditor } from '../../hooks/useScheduleEditor';
import { CentreChoice } from '../../components/centre-choice';
import { ServiceChoice } from '../../components/service-choice';
import { StaffDeskPage } from '../../components/staff-gate';
import { ExceptionsSection } from './exceptions-section';
import { NationalHolidaysSection } from './national-holidays-section';
import { ServiceSwitch } from './service-switch';
import { WeeklyForm } from './weekly-form';

import type { CentreService } from '../../../services/staff-admin';

import '../../components/staff-desk.scss';

function Editor({ target }: { target: CentreService }) {
  const editor = useScheduleEditor(target);
  return (
    <RemoteContent state={editor.state} onRetry={editor.retry} emptyText=''>
      {(schedule) => (
        <>
          <WeeklyForm editor={editor} />
          <ExceptionsSection editor={editor} exceptions={schedule.exceptions} />
          <NationalHolidaysSection />
          <ServiceSwitch target={target} />
        </>
      )}
    </RemoteContent>
  );
}

function Desk() {
  const [centreId, setCentreId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState('');
  const target = useMemo(() => (centreId && serviceId ? { centreId, serviceId } : null), [centreId, serviceId]);
  return (
    <>
      <Text className='staff-desk__title'>开放时间</Text>
      <Text className='staff-desk__line'>选择市民中心和服务，再修改每周开放时间、预约规则和特殊日期。</Text>
      <CentreChoice value={centreId} onChange={(centre) => setCentreId(centre.id)} />
      {centreId && <ServiceChoice value={serviceId} onChange={setServiceId} />}
      {target && <Editor key={`${target.centreId}/${target.serviceId}`} target={target} />}
    </>
  );
}

/**
 * 开放时间: a service's weekly hours and booking rules at one centre, its date exceptions, the national holidays that
 * close it (with their source), and its on/off switch.
 */
export function StaffSchedulePage() {
  return <StaffDeskPage title='开放时间' desk={() => <Desk />} />;
}

export default StaffSchedulePage;
