import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';

import type { ServiceDetail } from '@linli/shared';

import { BOOKING_MESSAGES } from '../../services/booking-messages';
import { ROUTES, openBooking, openPage } from '../../services/routes';
import { storedAccount } from '../../services/session';

/** The main action: signed-out residents go to login first; home services cannot be booked online yet. */
export function BookSection({ service }: { service: ServiceDetail }) {
  const [homeNotice, setHomeNotice] = useState(false);
  const book = () => {
    if (service.mode === 'home') setHomeNotice(true);
    else if (!storedAccount()) openPage(ROUTES.login);
    else openBooking(service.id);
  };
  return (
    <View className='service__book'>
      <Button className='book-button' type='primary' size='large' block onClick={book}>
        预约
      </Button>
      {homeNotice && <Text className='service__book-notice'>{BOOKING_MESSAGES.HOME_SERVICE}</Text>}
    </View>
  );
}
