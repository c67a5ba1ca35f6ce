import { useCallback, useEffect, useState } from 'react';

import { saveElderModeChoice } from '../services/preferences';
import { isElderModeOn, readElderModeChoice, subscribeElderMode, typeScaleFor, weChatAsksForLargeText, weChatFontScaleFactor } from '../storage/elder-mode';

import type { ElderModeChoice, TypeScale } from '../storage/elder-mode';

export interface ElderModeHandle {
  /** Whether the pages are drawn for older eyes and hands now. */
  on: boolean;
  /** The choice made on 我的, or null while the mode follows WeChat's font size. */
  choice: ElderModeChoice | null;
  /** Whether WeChat's own font size asks for it (what the mode follows without a choice). */
  followsLargeText: boolean;
  /** How far WeChat's font size moves the type (continuous; see typeScaleFor). */
  typeScale: TypeScale;
  /** The choice on 我的: kept on this device, and for the account once signed in. */
  setChoice: (choice: ElderModeChoice | null) => void;
}

function current(): Omit<ElderModeHandle, 'setChoice'> {
  return { on: isElderModeOn(), choice: readElderModeChoice(), followsLargeText: weChatAsksForLargeText(), typeScale: typeScaleFor(weChatFontScaleFactor()) };
}

/**
 * 长辈模式 for a page: read once when the page mounts, and redrawn on every page that uses it when the switch on
 * 我的 changes (pages further back in the stack included). WeChat's font size is read at mount: changing it in
 * WeChat's settings restarts the mini program anyway.
 */
export function useElderMode(): ElderModeHandle {
  const [state, setState] = useState(current);
  useEffect(() => subscribeElderMode(() => setState(current())), []);
  const setChoice = useCallback((choice: ElderModeChoice | null) => saveElderModeChoice(choice), []);
  return { ...state, setChoice };
}
