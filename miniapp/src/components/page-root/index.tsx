import { View } from '@tarojs/components';
import { useEffect } from 'react';

import type { CSSProperties, ReactNode } from 'react';

import { useElderMode } from '../../hooks/useElderMode';
import { followAccountPreferences } from '../../services/preferences';
import { typeScaleStyle } from '../../storage/elder-mode';

export interface PageRootProps {
  /** The page's own class (BEM block), beside `page-root`. */
  className?: string;
  children?: ReactNode;
}

/**
 * Every page's root element: the light ground of `.page-root` (app.scss), and `elder-mode` when 长辈模式 is on,
 * which switches the design tokens to their elder values for everything on the page. The class is a contract with
 * the accessibility gate (docs/accessibility.md). WeChat's font size scales the type tokens through two custom
 * properties on this element (`--type-blend`, `--type-scale`), left out at the standard size. The first page
 * root also starts following sign-ins, which bring the account's 长辈模式 choice to this device.
 */
export function PageRoot({ className, children }: PageRootProps) {
  const elderMode = useElderMode();
  useEffect(followAccountPreferences, []);
  const classes = ['page-root', className, elderMode.on ? 'elder-mode' : undefined].filter(Boolean).join(' ');
  return (
    <View className={classes} style={typeScaleStyle(elderMode.typeScale) as CSSProperties | undefined}>
      {children}
    </View>
  );
}
