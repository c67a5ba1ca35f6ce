import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CURRENT_PRIVACY_POLICY_VERSION } from '@linli/shared';

import { SubmitButton } from '../../components/submit-button';
import { useConsent } from '../../hooks/useConsent';

interface Item {
  what: string;
  why: string;
}

/** Plain words, one item per line: what we keep and why. Matches what the API stores (see shared identity types). */
const COLLECTED: readonly Item[] = [
  { what: '姓名', why: '预约服务、上门服务时确认是您本人。' },
  { what: '手机号', why: '服务人员联系您；只有您点“绑定手机号”并允许后才会获取。' },
  { what: '身份证号（可不填）', why: '办理政务代办、申请补贴时需要。加密保存，任何页面都只显示前 4 位和后 4 位。' },
  { what: '住址和所在社区', why: '安排上门服务，把您的预约交给所在社区处理。' },
  { what: '您登记的家人信息', why: '让您可以替家人预约服务。' },
];

const RIGHTS: readonly string[] = [
  '您可以随时在“我的”页面查看和修改这些信息。',
  '您可以导出我们保存的全部个人信息。',
  '您可以注销账号，注销后个人信息将被删除。',
  '我们不会把您的信息用于广告，也不会提供给与服务无关的人。',
];

/** Shown to a resident who has not yet accepted the current privacy terms; nothing personal is sent before. */
export function ConsentScreen() {
  const consent = useConsent();
  const { state } = consent;

  if (state.status === 'declined') {
    return (
      <View className='consent'>
        <Text className='consent__title'>您没有同意隐私说明</Text>
        <Text className='consent__line'>我们不会保存您的任何个人信息。</Text>
        <Text className='consent__line'>您仍然可以在“首页”查看社区和市民中心的信息。</Text>
        <Button className='consent__again' type='primary' size='large' block onClick={consent.reconsider}>
          重新查看隐私说明
        </Button>
      </View>
    );
  }

  return (
    <View className='consent'>
      <Text className='consent__title'>个人信息保护说明</Text>
      <Text className='consent__version'>版本：{CURRENT_PRIVACY_POLICY_VERSION}</Text>
      <Text className='consent__line'>为了给您提供社区服务，我们需要保存以下信息：</Text>
      {COLLECTED.map((item) => (
        <View key={item.what} className='consent__item'>
          <Text className='consent__what'>{item.what}</Text>
          <Text className='consent__why'>{item.why}</Text>
        </View>
      ))}
      <Text className='consent__subtitle'>您的权利</Text>
      {RIGHTS.map((line) => (
        <Text key={line} className='consent__line'>
          · {line}
        </Text>
      ))}
      {state.status === 'failed' && <Text className='consent__error'>{state.message}</Text>}
      <SubmitButton className='consent-accept' pending={state.status === 'pending'} onClick={consent.accept}>
        同意并继续
      </SubmitButton>
      <Button className='consent-decline' size='large' block onClick={consent.decline}>
        不同意
      </Button>
    </View>
  );
}
