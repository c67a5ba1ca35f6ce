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

/** WeChat's standard font size, the one `fontSizeScaleFactor` 1 stands for. */
const STANDARD_FONT_SIZE = 17;
/** Above care mode the type grows with WeChat's factor up to this much more (layouts stay usable). */
const MAX_TYPE_SCALE = 1.4;

/**
 * How far WeChat's font size moves the type tokens (app.scss), continuously rather than in two steps:
 * - `blend` (0 → 1) takes the normal sizes toward the elder sizes as WeChat's text grows from the standard size to
 *   care mode (scale factor 1 → 1.4), so every token grows in step and meets elder mode where it turns on by itself;
 * - `scale` (≥ 1) grows the elder sizes further in proportion beyond care mode (factor / 1.4).
 * A factor below 1 (WeChat's small text) changes nothing: the normal sizes are the floor. H5 reports no factor.
 */
export interface TypeScale {
  blend: number;
  scale: number;
}

export const STANDARD_TYPE: TypeScale = { blend: 0, scale: 1 };

/** WeChat's font size as a factor of its standard size: fontSizeScaleFactor, else fontSizeSetting / 17, else 1. */
export function weChatFontScaleFactor(): number {
  const { fontSizeSetting, fontSizeScaleFactor } = fontSizeInfo();
  if (typeof fontSizeScaleFactor === 'number' && fontSizeScaleFactor > 0) return fontSizeScaleFactor;
  if (typeof fontSizeSetting === 'number' && fontSizeSetting > 0) return fontSizeSetting / STANDARD_FONT_SIZE;
  return 1;
}

export function typeScaleFor(factor: number): TypeScale {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const blend = Math.min(1, Math.max(0, (factor - 1) / (CARE_MODE_SCALE_FACTOR - 1)));
  const scale = Math.min(MAX_TYPE_SCALE, Math.max(1, factor / CARE_MODE_SCALE_FACTOR));
  return { blend: round(blend), scale: round(scale) };
}

/**
 * The page root's inline style for a type scale (the custom properties app.scss reads), or none at the standard.
 * Taro sets `--` keys with style.setProperty on weapp and H5 alike.
 */
export function typeScaleStyle({ blend, scale }: TypeScale): Record<'--type-blend' | '--type-scale', string> | undefined {
  return blend === 0 && scale === 1 ? undefined : { '--type-blend': String(blend), '--type-scale': String(scale) };
}

/** Elder mode as it is now: the choice on 我的 when there is one, else WeChat's font size. */
export function isElderModeOn(): boolean {
  const choice = readElderModeChoice();
  return choice ? choice === 'on' : weChatAsksForLargeText();
}
