import { View } from '@tarojs/components';

import type { ReactNode } from 'react';

import { useElderMode } from '../../hooks/useElderMode';

export interface PageRootProps {
  /** The page's own class (BEM block), beside `page-root`. */
  className?: string;
  children?: ReactNode;
}

/**
 * Every page's root element: the light ground of `.page-root` (app.scss), and `elder-mode` when 长辈模式 is on,
 * which switches the design tokens to their elder values for everything on the page. The class is a contract with
 * the accessibility gate (docs/accessibility.md).
 */
export function PageRoot({ className, children }: PageRootProps) {
  const elderMode = useElderMode();
  const classes = ['page-root', className, elderMode.on ? 'elder-mode' : undefined].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
}
