import { View } from '@tarojs/components';

import { Notice } from '../../../components/notice';

export function ProviderHomePage() {
  return (
    <View className='page-root'>
      <Notice
        title='服务人员工作台'
        lines={[
          '这里将显示派给您的服务单。',
          '您可以接单、签到，并记录服务完成情况。',
        ]}
      />
    </View>
  );
}

export default ProviderHomePage;
