import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';

import type { HouseholdMember, InvitationCode } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../components/remote-content';
import { useHousehold } from '../../hooks/useHousehold';
import { EMPTY_PERSON } from '../../hooks/usePersonForm';
import { formatDateTime } from '../../utils/datetime';
import { PersonForm } from './person-form';

import type { ActionState } from '../../hooks/useActions';
import type { HouseholdHandle } from '../../hooks/useHousehold';
import type { PersonFormValues } from '../../hooks/usePersonForm';

function formValuesOfMember(member: HouseholdMember): PersonFormValues {
  return {
    name: member.name,
    idNumber: '',
    address: member.address ?? '',
    community: member.communityId ? { id: member.communityId, name: member.communityName ?? '' } : null,
    relation: member.relation,
    phone: '',
  };
}

function Invitation({ invitation }: { invitation: InvitationCode }) {
  return (
    <View className='invitation'>
      <Text className='invitation__label'>邀请码</Text>
      <Text className='invitation-code'>{invitation.code.split('').join(' ')}</Text>
      <Text className='invitation__line'>有效期至：{formatDateTime(invitation.expiresAt) ?? invitation.expiresAt}</Text>
      <Text className='invitation__line'>请家人用自己的微信打开“邻里”小程序，在登录页点“我有家人邀请码”，输入上面的邀请码。</Text>
    </View>
  );
}

function MemberRow({ member, action, invitation, household }: { member: HouseholdMember; action: ActionState; invitation?: InvitationCode; household: HouseholdHandle }) {
  const [confirming, setConfirming] = useState(false);
  const pending = action.status === 'pending';
  return (
    <View className='me-card household-member'>
      <Text className='household-member__name'>{member.name}</Text>
      <Text className='household-member__relation'>{member.relation}</Text>
      {member.phoneMasked && <Text className='me-card__text'>手机：{member.phoneMasked}</Text>}
      {member.idNumberMasked && <Text className='me-card__text'>身份证：{member.idNumberMasked}</Text>}
      {member.communityName && <Text className='me-card__text'>社区：{member.communityName}</Text>}
      {member.hasOwnAccount && <Text className='me-card__text'>已用自己的微信绑定</Text>}
      {action.status === 'failed' && <Text className='me-card__error'>{action.message}</Text>}
      {invitation && <Invitation invitation={invitation} />}
      {confirming ? (
        <View className='household-member__confirm'>
          <Text className='household-member__confirm-text'>确定不再代 {member.name} 办事吗？这不会删除对方自己的微信账号。</Text>
          <Button className='household-member__remove-confirm' type='danger' size='large' block loading={pending} disabled={pending} onClick={() => household.remove(member)}>
            确定移除
          </Button>
          <Button className='household-member__remove-cancel' size='large' block onClick={() => setConfirming(false)}>
            取消
          </Button>
        </View>
      ) : (
        <View className='household-member__actions'>
          <Button className='household-member__edit' size='large' block onClick={() => household.setEditor({ mode: 'edit', member })}>
            修改
          </Button>
          {!member.hasOwnAccount && (
            <Button className='household-member__invite' size='large' block disabled={pending} onClick={() => household.invite(member)}>
              邀请家人绑定微信
            </Button>
          )}
          <Button className='household-member__remove' size='large' block onClick={() => setConfirming(true)}>
            移除
          </Button>
        </View>
      )}
    </View>
  );
}

export function HouseholdSection() {
  const household = useHousehold();
  const { editor } = household;
  const close = () => household.setEditor({ mode: 'closed' });

  return (
    <View className='me__section household'>
      <Text className='me__title'>我的家人</Text>
      <Text className='me__hint'>添加家人后，可以替他们预约服务。</Text>
      {editor.mode !== 'closed' ? (
        <View className='me-card'>
          <PersonForm
            // A new form (fresh state) for each member opened.
            key={editor.mode === 'edit' ? editor.member.id : 'new'}
            kind='member'
            title={editor.mode === 'edit' ? `修改 ${editor.member.name} 的信息` : '添加家人'}
            initial={editor.mode === 'edit' ? formValuesOfMember(editor.member) : EMPTY_PERSON}
            idNumberOnFile={editor.mode === 'edit' ? editor.member.idNumberMasked : null}
            phoneOnFile={editor.mode === 'edit' ? editor.member.phoneMasked : null}
            onSave={household.save}
            onCancel={close}
          />
        </View>
      ) : (
        <>
          <RemoteContent state={household.state} onRetry={household.retry} isEmpty={isEmptyList} emptyText='还没有添加家人'>
            {(members) =>
              members.map((member) => (
                <MemberRow key={member.id} member={member} action={household.actionOf(member.id)} invitation={household.invitations[member.id]} household={household} />
              ))
            }
          </RemoteContent>
          <Button className='household__add' type='primary' size='large' block onClick={() => household.setEditor({ mode: 'add' })}>
            添加家人
          </Button>
        </>
      )}
    </View>
  );
}
