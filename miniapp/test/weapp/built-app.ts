import path from 'node:path';

import type { SessionAccount } from '@linli/shared';

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

/** Boots the built app as `launchBuiltApp` does, with `account` already signed in (its session in storage). */
export function launchSignedIn(standIn: WxStandIn, entryRoute: string, account: SessionAccount): void {
  launchBuiltApp(standIn, entryRoute);
  (standIn.wx.setStorageSync as (key: string, value: unknown) => void)('linli.session', { accessToken: 'access-1', refreshToken: 'refresh-1', account });
}

/** Renders a built page (its WXML compiled by WeChat's compiler); the test then waits for the state it asserts. */
export function renderBuiltPage(route: string, query: Record<string, string> = {}) {
  pending = { route, query };
  const id = simulate.load(path.join(distDir, route), { rootPath: distDir });
  const page = simulate.render(id);
  page.attach(document.createElement('page-host'));
  return page;
}

const POLL_MS = 10;

/**
 * Waits until `check` holds: wx.request answers on a timer and Taro batches setData on a tick, and how long that takes
 * depends on the machine's load, so a test waits for the state it asserts, never a fixed pause (a 50 ms pause once
 * caught 我的 still showing 正在登录，请稍候… on a busy machine). Fails naming `what` if it never holds.
 */
export async function waitUntil(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
