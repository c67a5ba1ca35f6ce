import Taro from '@tarojs/taro';

/**
 * 长辈模式 (elder mode), chosen by hand on 我的 and remembered on this device. No choice stored means "follow WeChat's
 * font size" (see `weChatAsksForLargeText`). The key and its values are a contract with the accessibility gate
 * (e2e/, docs/accessibility.md), which turns the mode on by writing the key: keep them.
 */
export type ElderModeChoice = 'on' | 'off';

export const ELDER_MODE_KEY = 'linli.elderMode';

/**
 * WeChat's care mode (关怀模式) and its largest font sizes report a `fontSizeSetting` of about 24 px (the standard
 * size is 17); 23.8 px is 1.4 × 17, which is also the `fontSizeScaleFactor` it reports there.
 */
export const CARE_MODE_FONT_SIZE = 23.8;
export const CARE_MODE_SCALE_FACTOR = 1.4;

type ElderModeListener = () => void;
const listeners = new Set<ElderModeListener>();

export function readElderModeChoice(): ElderModeChoice | null {
  const stored: unknown = Taro.getStorageSync(ELDER_MODE_KEY);
  return stored === 'on' || stored === 'off' ? stored : null;
}

/** The choice on 我的; `null` goes back to following WeChat's font size. Every page showing the mode redraws. */
export function rememberElderModeChoice(choice: ElderModeChoice | null): void {
  if (choice) Taro.setStorageSync(ELDER_MODE_KEY, choice);
  else Taro.removeStorageSync(ELDER_MODE_KEY);
  for (const listener of [...listeners]) listener();
}

export function subscribeElderMode(listener: ElderModeListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

interface FontSizeInfo {
  fontSizeSetting?: number;
  fontSizeScaleFactor?: number;
}

/** WeChat's font size settings: `getAppBaseInfo` (base library 2.20.1+), else the older `getSystemInfoSync`. */
function fontSizeInfo(): FontSizeInfo {
  try {
    if (typeof Taro.getAppBaseInfo === 'function') {
      // Taro's types leave out the font size WeChat reports here.
      const info = Taro.getAppBaseInfo() as FontSizeInfo;
      if (typeof info.fontSizeSetting === 'number' || typeof info.fontSizeScaleFactor === 'number') return info;
    }
  } catch {
    // An old base library without getAppBaseInfo: ask the older API below.
  }
  try {
    const info: FontSizeInfo = Taro.getSystemInfoSync();
    return info;
  } catch {
    return {};
  }
}

/** Whether the user set WeChat's text this large (or turned on its care mode). H5 reports nothing: false. */
export function weChatAsksForLargeText(): boolean {
  const { fontSizeSetting, fontSizeScaleFactor } = fontSizeInfo();
  return (
    (typeof fontSizeSetting === 'number' && fontSizeSetting >= CARE_MODE_FONT_SIZE) || (typeof fontSizeScaleFactor === 'number' && fontSizeScaleFactor >= CARE_MODE_SCALE_FACTOR)
  );
}

/** Elder mode as it is now: the choice on 我的 when there is one, else WeChat's font size. */
export function isElderModeOn(): boolean {
  const choice = readElderModeChoice();
  return choice ? choice === 'on' : weChatAsksForLargeText();
}
