import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import { ReadAloudButton } from '../read-aloud-button';

import './index.scss';

export interface ConfirmDialogProps {
  /** BEM modifier of the dialog in its screen (tests and browser tests find it by it). */
  className: string;
  title: string;
  /** What the person is about to confirm, one fact a line (where, when, for whom). */
  lines: readonly string[];
  confirmText: string;
  cancelText: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The dialog as it is read aloud: the question, then each line, each closed as a sentence so the voice pauses between
 * them (lines such as `地址：…` end without a full stop).
 */
function spokenDialogText(title: string, lines: readonly string[]): string {
  return [title, ...lines].map((piece) => (/[。？！]$/.test(piece) ? piece : `${piece}。`)).join('');
}

/**
 * A question over the screen before an action others will be told about, with the facts to check and two big
 * buttons. Drawn by the page itself (not wx.showModal) so the text is as large as the rest of the app and the same
 * on WeChat and H5; tapping outside is the same as cancelling. 朗读 reads the question and its facts where the
 * platform can speak (issue 16), as on every other read-back.
 */
export function ConfirmDialog({ className, title, lines, confirmText, cancelText, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <View className={`confirm-dialog ${className}`}>
      <View className='confirm-dialog__mask' onClick={onCancel} />
      <View className='confirm-dialog__panel' ariaRole='dialog' ariaLabel={title}>
        <Text className='confirm-dialog__title'>{title}</Text>
        {lines.map((line) => (
          <Text key={line} className='confirm-dialog__line'>
            {line}
          </Text>
        ))}
        <ReadAloudButton text={spokenDialogText(title, lines)} className='confirm-dialog__read-aloud' />
        <View className='confirm-dialog__actions'>
          <Button className='confirm-dialog__confirm' type='primary' size='large' block onClick={onConfirm}>
            {confirmText}
          </Button>
          <Button className='confirm-dialog__cancel' size='large' block onClick={onCancel}>
            {cancelText}
          </Button>
        </View>
      </View>
    </View>
  );
}
