import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';

import type { ResidentProfile } from '@linli/shared';

import { ResidentPicker } from '../../components/resident-picker';
import { ResidentContact } from '../../components/resident-contact';
import { StaffDeskPage } from '../../components/staff-gate';
import { OrderSection } from './order-section';
import { ProfileSection } from './profile-section';
import { TopUpSection } from './top-up-section';

import '../../components/staff-desk.scss';

function Desk() {
  const [resident, setResident] = useState<ResidentProfile | null>(null);
  return (
    <>
      <Text className='staff-desk__title'>老人助餐</Text>
      <Text className='staff-desk__line'>查看和核实老人的助餐档案，充值助餐余额，为没有手机的老人订餐。</Text>
      {!resident && <ResidentPicker label='找到老人' onPick={setResident} />}
      {resident && (
        <View key={resident.id}>
          <View className='staff-desk__block'>
            <Text className='staff-desk__label staff-meal-elder__name'>
              {resident.name} · {resident.communityName ?? '社区未知'}
            </Text>
            <ResidentContact key={resident.id} resident={resident} />
            <Button className='staff-desk__button' size='large' block onClick={() => setResident(null)}>
              换一位老人
            </Button>
          </View>
          <ProfileSection residentId={resident.id} />
          <TopUpSection residentId={resident.id} />
          <OrderSection residentId={resident.id} residentName={resident.name} />
        </View>
      )}
    </>
  );
}

/** `/staff/pages/meal-elder/index`: an elder's meal profile, hardships, balance and ordering for them, at the desk. */
export function StaffMealElderPage() {
  return <StaffDeskPage title='老人助餐' desk={() => <Desk />} />;
}

export default StaffMealElderPage;
