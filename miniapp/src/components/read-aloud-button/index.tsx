import { Button } from '@nutui/nutui-react-taro';

import { useReadAloud } from '../../hooks/useReadAloud';

import './index.scss';

export interface ReadAloudButtonProps {
  /** What is read: the screen's read-back sentence (readBackSentence). */
  text: string;
  /** BEM class of the button in its screen, beside `read-aloud`. */
  className?: string;
}

/** 朗读 / 停止朗读 for `text`; nothing at all where the platform cannot speak (useReadAloud). */
export function ReadAloudButton({ text, className = '' }: ReadAloudButtonProps) {
  const voice = useReadAloud(text);
  if (!voice.supported) return null;
  return (
    <Button
      className={`read-aloud${voice.speaking ? ' read-aloud--speaking' : ''} ${className}`}
      size='large'
      block
      ariaLabel={voice.speaking ? '停止朗读' : `朗读：${text}`}
      onClick={voice.toggle}
    >
      {voice.speaking ? '停止朗读' : '朗读'}
    </Button>
  );
}
