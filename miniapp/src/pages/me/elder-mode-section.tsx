import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import { useElderMode } from '../../hooks/useElderMode';

/** What the mode is now, and why: the user's own choice, or WeChat's font size. */
function statusLine(on: boolean, byChoice: boolean): string {
  if (byChoice) return on ? '现在：已开启' : '现在：已关闭';
  return on ? '现在：已开启（跟随微信的大字体）' : '现在：未开启（跟随微信的字体大小）';
}

/**
 * 长辈模式 on 我的: bigger text and buttons on every page and a simpler 首页. It follows WeChat's font size until
 * the user chooses here; the choice is remembered on this phone (storage/elder-mode) and, once signed in, for the
 * account (services/preferences), so another phone signed in to it follows too. Every open page redraws at once.
 */
export function ElderModeSection() {
  const elderMode = useElderMode();
  const { on, choice } = elderMode;
  return (
    <View className='me__section elder-mode-switch'>
      <Text className='me__title'>长辈模式</Text>
      <View className='me-card'>
        <Text className='me-card__text'>字更大、按钮更大，首页只留最常用的几项。</Text>
        <Text className='elder-mode-switch__status'>{statusLine(on, choice !== null)}</Text>
        <Text className='me-card__text elder-mode-switch__where'>您的选择记在这部手机上；登录后也记在您的账号里，换手机登录同样有效。</Text>
        <View className='elder-mode-switch__actions'>
          <Button
            className='elder-mode-switch__toggle'
            type={on ? 'default' : 'primary'}
            size='large'
            block
            aria-pressed={on}
            onClick={() => elderMode.setChoice(on ? 'off' : 'on')}
          >
            {on ? '关闭长辈模式' : '开启长辈模式'}
          </Button>
          {choice !== null && (
            <Button className='elder-mode-switch__follow' size='large' block onClick={() => elderMode.setChoice(null)}>
              跟随微信字体大小
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}
