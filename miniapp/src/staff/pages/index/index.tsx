import { View } from '@tarojs/components';

import { Notice } from '../../../components/notice';

export function StaffHomePage() {
  return (
    <View className='page-root'>
      <Notice
        title='社区工作人员工作台'
        lines={[
          '这里将用于处理居民的预约和派单。',
          '需要社区工作人员身份才能使用。',
        ]}
      />
    </View>
  );
}

export default StaffHomePage;
