import { View } from '@tarojs/components';

import { Notice } from '../../components/notice';

import './index.scss';

export function OrdersPage() {
  return (
    <View className='placeholder-page'>
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
