import { Button } from '@nutui/nutui-react-taro';

import type { ReactNode } from 'react';

export interface SubmitButtonProps {
  /** BEM class of the button in its screen; browser tests find some buttons by it. */
  className: string;
  /** 'danger' for an action that cannot be undone; 'default' (outlined) for a secondary one such as 下线. */
  type?: 'primary' | 'danger' | 'default';
  /** While the action runs: the button shows a spinner and ignores taps, so nothing is sent twice. */
  pending: boolean;
  onClick: () => void;
  children: ReactNode;
}

/** A screen's main action: a large full-width button that stays busy while its request is on the way. */
export function SubmitButton({ className, type = 'primary', pending, onClick, children }: SubmitButtonProps) {
  return (
    <Button className={className} type={type} size='large' block loading={pending} disabled={pending} onClick={onClick}>
      {children}
    </Button>
  );
}
