// `@tarojs/taro` for Jest: Taro's own H5 implementation (fetch-based request, localStorage storage).
// @tarojs/taro-h5 exports its APIs by name and a bare core object as default; the H5 build merges the two for
// `import Taro from '@tarojs/taro'`, and so does this module.
//
// Page navigation is the exception: Taro H5's router needs the built app (its page table and history), which a
// component test does not have. Navigation calls are recorded in `navigations` instead, as the weapp `wx` stand-in
// does, so tests assert where a page sends the user.
import * as h5 from '@tarojs/taro-h5';
import { useEffect, useRef } from 'react';

export interface Navigation {
  kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch';
  url: string;
}

export const navigations: Navigation[] = [];

function recorder(kind: Navigation['kind']) {
  return (options: { url: string }) => {
    navigations.push({ kind, url: options.url });
    return Promise.resolve({ errMsg: `${kind}:ok` });
  };
}

const navigation = {
  navigateTo: recorder('navigateTo'),
  redirectTo: recorder('redirectTo'),
  switchTab: recorder('switchTab'),
  reLaunch: recorder('reLaunch'),
};

/**
 * `useRouter` reads the page's query from that same router; here a test sets the query of the page it renders
 * (`routeParams.id = '…'`), as if the page had been opened with `?id=…`.
 */
export const routeParams: Record<string, string> = {};

function useRouter() {
  return { path: '', params: routeParams, onReady: '', onHide: '', onShow: '' };
}

/**
 * Page lifecycle hooks come from Taro's React plugin in the real build. Here `useDidShow` runs once after mount (the
 * first show) and again on `showPage()`; `usePullDownRefresh` runs on `pullDownRefresh()`, as a pull would.
 */
const pageHandlers = { show: new Set<() => void>(), hide: new Set<() => void>(), pullDown: new Set<() => void>() };

function pageHook(kind: keyof typeof pageHandlers, runOnMount: boolean) {
  return (callback: () => void) => {
    const latest = useRef(callback);
    latest.current = callback;
    useEffect(() => {
      const handler = () => latest.current();
      pageHandlers[kind].add(handler);
      if (runOnMount) handler();
      return () => void pageHandlers[kind].delete(handler);
    }, []);
  };
}

const useDidShow = pageHook('show', true);
const useDidHide = pageHook('hide', false);
const usePullDownRefresh = pageHook('pullDown', false);

export function showPage(): void {
  for (const handler of [...pageHandlers.show]) handler();
}

/** Another page opened on top, or the app went to the background: `useDidHide` handlers run. */
export function hidePage(): void {
  for (const handler of [...pageHandlers.hide]) handler();
}

export function pullDownRefresh(): void {
  for (const handler of [...pageHandlers.pullDown]) handler();
}

export const pullDownStops = { count: 0 };

function stopPullDownRefresh() {
  pullDownStops.count += 1;
  return Promise.resolve({ errMsg: 'stopPullDownRefresh:ok' });
}

/**
 * What `Taro.chooseLocation` answers (the place the user tapped on the map), or a cancel; and what
 * `Taro.openLocation` was asked to show.
 */
export const mapStub: {
  chosen: { latitude: number; longitude: number; name: string; address: string } | 'cancelled';
  opened: unknown[];
} = { chosen: 'cancelled', opened: [] };

function chooseLocation() {
  const { chosen } = mapStub;
  if (chosen === 'cancelled') return Promise.reject({ errMsg: 'chooseLocation:fail cancel' });
  return Promise.resolve({ ...chosen, errMsg: 'chooseLocation:ok' });
}

function openLocation(options: unknown) {
  mapStub.opened.push(options);
  return Promise.resolve({ errMsg: 'openLocation:ok' });
}

/**
 * What `Taro.getLocation` answers in a test: a point, or a refusal (the user said no, or there is no fix). jsdom has
 * no geolocation, so the H5 one cannot run here. By default the point comes in whatever system was asked for (as
 * WeChat's does); with `browser` set it behaves as Taro's H5 one in a browser: only WGS-84, 'gcj02' refused with
 * Taro's words. `calls` keeps the options each call was given.
 */
export const locationStub: { answer: { latitude: number; longitude: number } | 'refused'; browser: boolean; calls: unknown[] } = {
  answer: 'refused',
  browser: false,
  calls: [],
};

function getLocation(options: { type?: string }) {
  locationStub.calls.push(options);
  const { answer } = locationStub;
  if (locationStub.browser && options.type?.toUpperCase() !== 'WGS84') return Promise.reject({ errMsg: 'This coordinate system type is not temporarily supported' });
  if (answer === 'refused') return Promise.reject({ errMsg: 'getLocation:fail auth deny' });
  return Promise.resolve({ ...answer, accuracy: 30, errMsg: 'getLocation:ok' });
}

/**
 * What `Taro.chooseImage` answers in a test (jsdom has no camera, and Taro H5's opens a file input): the chosen
 * files' paths (a `data:` URL stands for the `blob:` URL a browser gives, and Taro H5's uploadFile reads either),
 * the user backing out, or a refusal. `calls` keeps the options; `previewed` what `Taro.previewImage` was asked.
 */
export const imageStub: { chosen: string[] | 'cancelled' | 'denied'; calls: unknown[]; previewed: unknown[] } = {
  chosen: 'cancelled',
  calls: [],
  previewed: [],
};

function chooseImage(options: unknown) {
  imageStub.calls.push(options);
  const { chosen } = imageStub;
  if (chosen === 'cancelled') return Promise.reject({ errMsg: 'chooseImage:fail cancel' });
  if (chosen === 'denied') return Promise.reject({ errMsg: 'chooseImage:fail auth deny' });
  return Promise.resolve({ tempFilePaths: chosen, tempFiles: chosen.map((path) => ({ path, size: 0 })), errMsg: 'chooseImage:ok' });
}

function previewImage(options: unknown) {
  imageStub.previewed.push(options);
  return Promise.resolve({ errMsg: 'previewImage:ok' });
}

/** Numbers `Taro.makePhoneCall` was asked to dial (Taro H5's sets `location.href` to a tel: link, which jsdom cannot follow). */
export const phoneStub: { dialled: string[] } = { dialled: [] };

function makePhoneCall(options: { phoneNumber: string }) {
  phoneStub.dialled.push(options.phoneNumber);
  return Promise.resolve({ errMsg: 'makePhoneCall:ok' });
}

/**
 * WeChat's font size (`fontSizeSetting` in getAppBaseInfo), which a browser does not report: a test sets it as the
 * user would in WeChat's settings (23.8 px and up is care mode). Unset, getAppBaseInfo reports none, as on H5.
 */
export const fontSizeStub: { setting?: number } = {};

function getAppBaseInfo() {
  const info = h5.getAppBaseInfo();
  return fontSizeStub.setting === undefined ? info : { ...info, fontSizeSetting: fontSizeStub.setting };
}

/**
 * WeChat's subscribe-message dialog (Taro H5 has none): what `Taro.requestSubscribeMessage` answers per template id
 * ('accept', 'reject', 'ban' or 'filter'; an id not listed answers 'reject'), or a failure (`fail`, as when the
 * user has turned subscribe messages off). `calls` keeps the tmplIds of each call, in order.
 */
export const subscribeStub: { answers: Record<string, string>; fail: boolean; calls: string[][] } = { answers: {}, fail: false, calls: [] };

function requestSubscribeMessage(options: { tmplIds: string[] }) {
  subscribeStub.calls.push([...options.tmplIds]);
  if (subscribeStub.fail) return Promise.reject({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 });
  const answers = Object.fromEntries(options.tmplIds.map((id) => [id, subscribeStub.answers[id] ?? 'reject']));
  return Promise.resolve({ ...answers, errMsg: 'requestSubscribeMessage:ok' });
}

const Taro = {
  ...h5.default,
  ...h5,
  ...navigation,
  useRouter,
  useDidShow,
  useDidHide,
  usePullDownRefresh,
  stopPullDownRefresh,
  getLocation,
  chooseLocation,
  openLocation,
  chooseImage,
  previewImage,
  makePhoneCall,
  getAppBaseInfo,
  requestSubscribeMessage,
};

export * from '@tarojs/taro-h5';
export const { navigateTo, redirectTo, switchTab, reLaunch } = navigation;
export {
  useRouter,
  useDidShow,
  useDidHide,
  usePullDownRefresh,
  stopPullDownRefresh,
  getLocation,
  chooseLocation,
  openLocation,
  chooseImage,
  previewImage,
  makePhoneCall,
  getAppBaseInfo,
  requestSubscribeMessage,
};
export default Taro;
