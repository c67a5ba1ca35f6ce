import { Button, Text, View } from '@tarojs/components';

import type { ProfileHandle } from '../../hooks/useProfile';

/**
 * WeChat's own phone button: WeChat shows its authorisation sheet and hands back a one-time code, which the server
 * exchanges for the number. Browsers have no such button, so H5 shows it disabled with a note.
 */
export function PhoneBinding({ profile }: { profile: ProfileHandle }) {
  const inWechat = process.env.TARO_ENV !== 'h5';
  const { phone } = profile;
  return (
    <View className='phone-binding'>
      <Button
        className='phone-binding__button'
        openType={inWechat ? 'getPhoneNumber' : undefined}
        disabled={!inWechat || phone.status === 'pending'}
        loading={phone.status === 'pending'}
        onGetPhoneNumber={(event) => profile.bindPhone(event.detail.code)}
      >
        绑定手机号
      </Button>
      {!inWechat && <Text className='phone-binding__note'>请在微信小程序中绑定手机号，网页版无法获取。</Text>}
      {phone.status === 'failed' && <Text className='phone-binding__error'>{phone.message}</Text>}
    </View>
  );
}
