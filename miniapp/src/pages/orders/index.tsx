import { View } from '@tarojs/components';

import { Notice } from '../../components/notice';

export function OrdersPage() {
  return (
    <View className='page-root'>
      <Notice
        title='订单功能即将上线'
        lines={[
          '预约服务之后，订单会显示在这里。',
          '您可以查看进度、取消预约，或给服务打分。',
        ]}
      />
    </View>
  );
}

export default OrdersPage;
