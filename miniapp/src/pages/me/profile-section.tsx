import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { ResidentProfile, SessionAccount } from '@linli/shared';

import { RemoteContent } from '../../components/remote-content';
import { formValuesOf, useProfile } from '../../hooks/useProfile';
import { PersonForm } from './person-form';
import { PhoneBinding } from './phone-binding';

function Line({ label, value }: { label: string; value: string | null }) {
  return (
    <View className='me-card__line'>
      <Text className='me-card__label'>{label}</Text>
      <Text className={`me-card__value${value ? '' : ' me-card__value--missing'}`}>{value ?? '未填写'}</Text>
    </View>
  );
}

function ProfileCard({ account, profile, onEdit }: { account: SessionAccount; profile: ResidentProfile | null; onEdit: () => void }) {
  return (
    <View className='me-card profile-card'>
      <Text className='profile-name'>{profile?.name ?? account.displayName}</Text>
      {!profile && <Text className='me-card__note'>请完善您的信息，预约服务时会用到。</Text>}
      <Line label='手机号' value={profile?.phoneMasked ?? null} />
      <Line label='身份证号' value={profile?.idNumberMasked ?? null} />
      <Line label='所在社区' value={profile?.communityName ?? null} />
      <Line label='住址' value={profile?.address ?? null} />
      <Button className='profile-card__edit' type='primary' size='large' block onClick={onEdit}>
        {profile ? '修改我的信息' : '填写我的信息'}
      </Button>
    </View>
  );
}

export function ProfileSection({ account }: { account: SessionAccount }) {
  const profile = useProfile();
  return (
    <View className='me__section'>
      <Text className='me__title'>我的信息</Text>
      <RemoteContent state={profile.state} onRetry={profile.retry} emptyText=''>
        {(found) =>
          profile.editing ? (
            <View className='me-card'>
              <PersonForm
                kind='self'
                title='修改我的信息'
                initial={formValuesOf(found, account.displayName)}
                idNumberOnFile={found?.idNumberMasked}
                onSave={profile.save}
                onCancel={() => profile.setEditing(false)}
              />
            </View>
          ) : (
            <>
              <ProfileCard account={account} profile={found} onEdit={() => profile.setEditing(true)} />
              {!found?.phoneMasked && <PhoneBinding profile={profile} />}
            </>
          )
        }
      </RemoteContent>
    </View>
  );
}
