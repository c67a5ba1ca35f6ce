import path from 'node:path';

import simulate from 'miniprogram-simulate';

import type { WxStandIn } from './wx-stand-in';

export const distDir = path.resolve(__dirname, '../../dist/weapp');

type Handler = (this: PageInstance, ...args: unknown[]) => unknown;
type PageInstance = Record<string, Handler> & { route: string };
interface AppInstance {
  onLaunch: (options: object) => void;
  onShow: (options: object) => void;
}

let app: AppInstance | undefined;
let pending: { route: string; query: Record<string, string> } | undefined;

/**
 * WeChat's globals around the built package. miniprogram-simulate only knows `Component`; a page built by Taro calls
 * `Page(config)`, so each page is registered as a component whose lifetimes drive the page hooks in WeChat's order.
 */
function installGlobals(standIn: WxStandIn): void {
  Object.assign(globalThis, {
    wx: standIn.wx,
    App: (config: AppInstance) => {
      app = config;
    },
    getApp: () => app,
    getCurrentPages: () => [],
    Page: (config: Record<string, unknown>) => {
      const { data, ...rest } = config;
      const methods = Object.fromEntries(Object.entries(rest).filter(([, value]) => typeof value === 'function'));
      const { route, query } = pending!;
      (globalThis as unknown as { Component: (options: object) => void }).Component({
        data,
        methods,
        lifetimes: {
          attached(this: PageInstance) {
            this.route = route;
            this.onLoad(query);
            this.onShow();
          },
          ready(this: PageInstance) {
            this.onReady();
          },
        },
      });
    },
  });
}

/** Boots dist/weapp/app.js once per test file, as WeChat does at launch. */
export function launchBuiltApp(standIn: WxStandIn, entryRoute: string): void {
  installGlobals(standIn);
  require(path.join(distDir, 'app.js'));
  app!.onLaunch({ path: entryRoute, query: {} });
  app!.onShow({ path: entryRoute, query: {} });
}

/** Renders a built page (its WXML compiled by WeChat's compiler) and lets its first requests settle. */
export async function renderBuiltPage(route: string, query: Record<string, string> = {}) {
  pending = { route, query };
  const id = simulate.load(path.join(distDir, route), { rootPath: distDir });
  const page = simulate.render(id);
  page.attach(document.createElement('page-host'));
  await settle();
  return page;
}

/** wx.request answers on a timer and Taro batches setData on a tick: give both a moment. */
export function settle(): Promise<void> {
  return simulate.sleep(50);
}

/**
 * Waits until `check` holds, or `timeoutMs` passed (the test's own expectations then report what is missing). On a
 * busy machine, with several test files at once, a page's first requests and render can take longer than `settle`.
 */
export async function settleUntil(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await simulate.sleep(20);
}
