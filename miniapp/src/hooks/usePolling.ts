import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

/** Whether the page is on screen: false after it is hidden (another page on top, app in background). */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  return visible;
}

/** Calls the latest `tick` every `intervalMs` while `active`; stops as soon as it is not. */
export function useInterval(tick: () => void, intervalMs: number, active: boolean): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => latest.current(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
}

/**
 * Calls `reload` whenever the page comes back into view (back from a page opened on top, say), but not on the first
 * show, which the mount already loaded.
 */
export function useReloadOnReturn(reload: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
}

/** Pull-down on a page (with `enablePullDownRefresh` in its config) calls `reload` and ends the pull at once. */
export function usePullToReload(reload: () => void): void {
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
}
