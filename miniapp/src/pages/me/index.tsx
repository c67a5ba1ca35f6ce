import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';

import { Notice } from '../../components/notice';

import './index.scss';

interface Entry {
  label: string;
  hint: string;
  url: string;
}

/** Workspaces for staff and providers live in subpackages, downloaded only when someone opens them. */
const ENTRIES: readonly Entry[] = [
  { label: '社区工作人员入口', hint: '处理预约、派单', url: '/staff/pages/index/index' },
  { label: '服务人员入口', hint: '接单、签到、完成服务', url: '/provider/pages/index/index' },
];

export function MePage() {
  return (
    <View className='page-root me'>
      <Notice
        title='个人中心即将上线'
        lines={['登录后，这里会显示您的姓名、所在社区和常用联系人。', '也可以在这里调大字号、联系社区工作人员。']}
      />
      {ENTRIES.map((entry) => (
        <View
          key={entry.url}
          className='me__entry'
          hoverClass='me__entry--pressed'
          onClick={() => void Taro.navigateTo({ url: entry.url })}
        >
          <Text className='me__entry-label'>{entry.label}</Text>
          <Text className='me__entry-hint'>{entry.hint} ›</Text>
        </View>
      ))}
    </View>
  );
}

export default MePage;
