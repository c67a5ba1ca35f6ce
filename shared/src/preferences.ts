/**
 * An account's own settings for the mini program, kept on the server so they follow the person to another phone
 * (issue 16). `elderMode` is 长辈模式 chosen by hand on 我的: 'on' or 'off', or null while the app follows WeChat's
 * font size (the device's choice then stands, if it has one).
 */
export const ELDER_MODE_CHOICES = ['on', 'off'] as const;
export type ElderModeChoice = (typeof ELDER_MODE_CHOICES)[number];

export interface AccountPreferences {
  elderMode: ElderModeChoice | null;
}
