/**
 * The parts of WeChat's `wx` object the built package touches, backed by plain data: `request` answers from
 * `routes` (keyed by path after the base URL) the way wx.request does — JSON parsed only for dataType 'json',
 * raw text otherwise, always asynchronously — and navigation calls are recorded instead of switching pages.
 */
export interface WxStandIn {
  wx: Record<string, unknown>;
  navigations: string[];
  requests: string[];
  /** Options of every wx.openLocation call (a worker's 导航). */
  openedLocations: unknown[];
  /** Every wx.uploadFile call: where to, which local file, the field name and the headers. */
  uploads: { url: string; filePath: string; name: string; header: Record<string, string> }[];
  /** What wx.chooseImage hands back next (the photo the worker took), and the options it was called with. */
  camera: { chosen: string[]; calls: unknown[] };
  /** Options of every wx.previewImage call. */
  previewed: unknown[];
}

export interface WxStandInOptions {
  /** WeChat's font size setting in px (17 is the standard size; about 24 is care mode, 关怀模式). */
  fontSizeSetting?: number;
}

/** What the stand-in answers, keyed by path after the base URL. */
export type StandInRoutes = Record<string, { status: number; body: unknown }>;

export function createWxStandIn(routes: StandInRoutes, { fontSizeSetting = 16 }: WxStandInOptions = {}): WxStandIn {
  const storage = new Map<string, unknown>();
  const navigations: string[] = [];
  const requests: string[] = [];
  const openedLocations: unknown[] = [];
  const uploads: WxStandIn['uploads'] = [];
  const camera: WxStandIn['camera'] = { chosen: ['wxfile://tmp_photo-1.jpg'], calls: [] };
  const previewed: unknown[] = [];
  let logins = 0;

  const ok =
    (name: string) =>
    (options: { success?: (res: unknown) => void; complete?: (res: unknown) => void } = {}) => {
      const res = { errMsg: `${name}:ok` };
      setTimeout(() => {
        options.success?.(res);
        options.complete?.(res);
      });
    };

  const wx: Record<string, unknown> = {
    request(options: { url: string; dataType?: string; success?: (res: unknown) => void; fail?: (res: unknown) => void; complete?: (res: unknown) => void }) {
      requests.push(options.url);
      const path = new URL(options.url).pathname.replace(/^\/api/, '');
      const route = routes[path] ?? { status: 404, body: { code: 'NOT_FOUND', message: '接口不存在' } };
      const text = JSON.stringify(route.body);
      const res = {
        statusCode: route.status,
        header: { 'content-type': 'application/json' },
        data: options.dataType === 'json' ? JSON.parse(text) : text,
        errMsg: 'request:ok',
      };
      setTimeout(() => {
        options.success?.(res);
        options.complete?.(res);
      });
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
    /** WeChat's upload: the body is always the raw text (WeChat never parses it). */
    uploadFile(options: { url: string; filePath: string; name: string; header?: Record<string, string>; success?: (res: unknown) => void; complete?: (res: unknown) => void }) {
      uploads.push({ url: options.url, filePath: options.filePath, name: options.name, header: { ...options.header } });
      const path = new URL(options.url).pathname.replace(/^\/api/, '');
      const route = routes[path] ?? { status: 404, body: { code: 'NOT_FOUND', message: '接口不存在' } };
      const res = { statusCode: route.status, data: JSON.stringify(route.body), errMsg: 'uploadFile:ok' };
      setTimeout(() => {
        options.success?.(res);
        options.complete?.(res);
      });
      const noop = () => undefined;
      return { abort: noop, onProgressUpdate: noop, offProgressUpdate: noop, onHeadersReceived: noop, offHeadersReceived: noop };
    },
    chooseImage(options: Record<string, unknown>) {
      const { success, complete, fail: _fail, ...rest } = options as { success?: (res: unknown) => void; complete?: (res: unknown) => void; fail?: unknown };
      camera.calls.push(rest);
      const res = { tempFilePaths: camera.chosen, tempFiles: camera.chosen.map((path) => ({ path, size: 120_000 })), errMsg: 'chooseImage:ok' };
      setTimeout(() => {
        success?.(res);
        complete?.(res);
      });
    },
    previewImage(options: Record<string, unknown>) {
      const { success: _success, fail: _fail, complete: _complete, ...rest } = options;
      previewed.push(rest);
      ok('previewImage')(options);
    },
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    navigateTo(options: { url: string; success?: (res: unknown) => void }) {
      navigations.push(options.url);
      ok('navigateTo')(options);
    },
    showToast: ok('showToast'),
    openLocation(options: Record<string, unknown>) {
      const { success: _success, fail: _fail, complete: _complete, ...rest } = options;
      openedLocations.push(rest);
      ok('openLocation')(options);
    },
    /** WeChat's login: a fresh one-time code each call. */
    login(options: { success?: (res: unknown) => void; complete?: (res: unknown) => void } = {}) {
      logins += 1;
      const res = { code: `wx-login-code-${logins}`, errMsg: 'login:ok' };
      setTimeout(() => {
        options.success?.(res);
        options.complete?.(res);
      });
    },
    getSystemInfoSync: () => ({
      platform: 'devtools',
      windowWidth: 375,
      windowHeight: 667,
      screenWidth: 375,
      pixelRatio: 2,
      SDKVersion: '3.7.0',
      fontSizeSetting,
    }),
    getAppBaseInfo: () => ({ SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.50', fontSizeSetting, fontSizeScaleFactor: fontSizeSetting / 17 }),
    canIUse: () => true,
    nextTick: (callback: () => void) => setTimeout(callback),
  };
  return { wx, navigations, requests, openedLocations, uploads, camera, previewed };
}
