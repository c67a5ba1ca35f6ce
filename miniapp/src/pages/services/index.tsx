import { View } from '@tarojs/components';

import { Notice } from '../../components/notice';

export function ServicesPage() {
  return (
    <View className='page-root'>
      <Notice
        title='社区服务即将上线'
        lines={[
          '这里将列出社区市民中心的八类服务。',
          '例如助餐送餐、日间照料、便民维修、政务代办。',
          '您可以在这里直接预约，也可以请子女代为预约。',
        ]}
      />
    </View>
  );
}

export default ServicesPage;
