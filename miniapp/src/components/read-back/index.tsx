import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { ReactNode } from 'react';

import { ReadAloudButton } from '../read-aloud-button';
import { SubmitButton } from '../submit-button';

import './index.scss';

export interface ReadBackProps {
  /** BEM class of the step in its flow (tests and browser tests find it by it), beside `read-back`. */
  className: string;
  /** `请核对`, or what the step is (`核对预约`, `确认取消`). */
  title: string;
  /** What will happen, for whom, where and when: readBackSentence from @linli/shared. Shown big and read aloud. */
  sentence: string;
  /** Facts that do not fit the sentence (what to bring, the price), under it. */
  children?: ReactNode;
  /** Why the last try failed, and what else can be done then (e.g. 加入候补), over the buttons. */
  message?: ReactNode;
  /** Class of the confirm button beside `read-back__confirm` (flows keep their own for tests). */
  confirmClassName: string;
  /** The confirm button's words: 确认, or 确认预约 / 确认订餐 / 确认取消. */
  confirmText?: string;
  /** The confirmation is on its way: the button is busy and ignores taps. */
  pending: boolean;
  onConfirm: () => void;
  /** When the confirmation cannot be sent at all now (e.g. consent first): `message` says what to do instead. */
  confirmHidden?: boolean;
  /** Class of 返回修改 beside `read-back__back`. */
  backClassName?: string;
  backText?: string;
  /** Back to the choices, all kept: nothing is sent. */
  onBack: () => void;
}

/**
 * The last step of every flow that commits something (issue 16): one sentence in words of what will happen, for
 * whom, where and when (with 朗读 where the platform can speak), then one big 确认 and 返回修改. Nothing is sent
 * before 确认.
 */
export function ReadBack({
  className,
  title,
  sentence,
  children,
  message,
  confirmClassName,
  confirmText = '确认',
  pending,
  onConfirm,
  confirmHidden = false,
  backClassName = '',
  backText = '返回修改',
  onBack,
}: ReadBackProps) {
  return (
    <View className={`read-back ${className}`}>
      <Text className='read-back__title'>{title}</Text>
      <Text className='read-back__sentence' userSelect>
        {sentence}
      </Text>
      <ReadAloudButton text={sentence} className='read-back__read-aloud' />
      {children}
      {message}
      <View className='read-back__actions'>
        {!confirmHidden && (
          <SubmitButton className={`read-back__confirm ${confirmClassName}`} pending={pending} onClick={onConfirm}>
            {confirmText}
          </SubmitButton>
        )}
        <Button className={`read-back__back ${backClassName}`} size='large' block disabled={pending} onClick={onBack}>
          {backText}
        </Button>
      </View>
    </View>
  );
}
