import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';

/** The main action. Booking itself arrives in a later release: until then a tap explains that, inline. */
export function BookSection() {
  const [tapped, setTapped] = useState(false);
  return (
    <View className='service__book'>
      <Button className='book-button' type='primary' size='large' block onClick={() => setTapped(true)}>
        预约
      </Button>
      {tapped && <Text className='service__book-notice'>预约功能即将开放，请过几天再来。</Text>}
    </View>
  );
}
