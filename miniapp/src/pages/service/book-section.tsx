import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { ServiceDetail } from '@linli/shared';

import { ROUTES, openBooking, openPage } from '../../navigation/routes';
import { storedAccount } from '../../services/session';

/** The main action: signed-out residents go to login first; home services open the short 上门服务 form. */
export function BookSection({ service }: { service: ServiceDetail }) {
  const book = () => {
    if (!storedAccount()) openPage(ROUTES.login);
    else openBooking(service.id, service.mode);
  };
  return (
    <View className='service__book'>
      <Button className='book-button' type='primary' size='large' block onClick={book}>
        {service.mode === 'home' ? '预约上门服务' : '预约'}
      </Button>
    </View>
  );
}
