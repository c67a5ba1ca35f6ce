import Taro from '@tarojs/taro';

import { accessTokenForSocket, apiUrl, renewAccessToken } from './request';

/** What the API pushes on /api/live (api/src/modules/live/live-events.ts). */
export type LiveFrame =
  | { type: 'ready'; role: string }
  | { type: 'offer'; offerId: string; orderId: string; expiresAt: string; secondsLeft: number }
  | { type: 'order'; orderId: string; status: string; event: string }
  | { type: 'board'; orderId: string; status: string; event: string }
  | { type: 'pong' };

export interface LiveListener {
  frame: (frame: LiveFrame) => void;
  /** The socket is signed in (true) or down (false): polling is the fallback while it is down. */
  status: (up: boolean) => void;
}

/** Reconnect waits: 1 s doubling to 30 s, ±20 % so phones that lost the same server do not return in step. */
export const RECONNECT_MIN_MS = 1_000;
export const RECONNECT_MAX_MS = 30_000;
/** An application ping this often; no pong by the next one means the socket is dead (a phone that slept, say). */
export const HEARTBEAT_MS = 20_000;
const UNAUTHORIZED = 4401;

/** ws(s):// form of the API base; H5's same-origin base (`/api`) is taken relative to the page. */
function liveUrl(): string {
  const http = apiUrl('/live');
  const absolute = http.startsWith('/') && typeof window !== 'undefined' ? `${window.location.origin}${http}` : http;
  return absolute.replace(/^http/, 'ws');
}

/**
 * The mini program's one live socket (Taro.connectSocket, weapp and H5): open while anything listens, signed in
 * with the request layer's access token as its first frame, kept alive by a ping every HEARTBEAT_MS, and opened
 * again after 1 s, 2 s, 4 s… (at most 30 s) whenever it drops. Closed when the last listener goes.
 */
class LiveSocket {
  private readonly listeners = new Set<LiveListener>();
  private task: Taro.SocketTask | null = null;
  private up = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private awaitingPong = false;
  /** Bumped on every open and close, so callbacks of an old socket change nothing. */
  private generation = 0;

  get isUp(): boolean {
    return this.up;
  }

  listen(listener: LiveListener): () => void {
    this.listeners.add(listener);
    listener.status(this.up);
    if (this.listeners.size === 1) void this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.shut();
    };
  }

  private async open(): Promise<void> {
    const generation = ++this.generation;
    let token: string | null = null;
    try {
      token = await accessTokenForSocket();
    } catch {
      token = null;
    }
    if (generation !== this.generation) return;
    if (!token) return this.retry(generation);
    let task: Taro.SocketTask;
    try {
      task = await Taro.connectSocket({ url: liveUrl() });
    } catch {
      return this.retry(generation);
    }
    if (generation !== this.generation) {
      task.close({});
      return;
    }
    this.task = task;
    task.onOpen(() => task.send({ data: JSON.stringify({ type: 'auth', token }) }));
    task.onMessage((message) => {
      if (generation !== this.generation) return;
      const frame = parse(message.data);
      if (!frame) return;
      if (frame.type === 'pong') {
        this.awaitingPong = false;
        return;
      }
      if (frame.type === 'ready') {
        this.attempt = 0;
        this.setUp(true);
        this.startHeartbeat(task);
      }
      for (const listener of this.listeners) listener.frame(frame);
    });
    task.onClose((result) => {
      if (generation !== this.generation) return;
      this.drop();
      if (result.code === UNAUTHORIZED && token) {
        // The token ran out or was refused: renew it once, then sign in again.
        void renewAccessToken(token).then(
          (renewed) => (renewed ? this.retry(generation) : undefined),
          () => this.retry(generation),
        );
        return;
      }
      this.retry(generation);
    });
    task.onError(() => {
      if (generation !== this.generation) return;
      this.drop();
      task.close({});
      this.retry(generation);
    });
  }

  private startHeartbeat(task: Taro.SocketTask): void {
    this.stopHeartbeat();
    this.awaitingPong = false;
    this.heartbeat = setInterval(() => {
      if (this.awaitingPong) {
        // No answer to the last ping: treat it as gone and open a new one.
        const generation = this.generation;
        this.drop();
        task.close({});
        this.retry(generation);
        return;
      }
      this.awaitingPong = true;
      task.send({ data: JSON.stringify({ type: 'ping' }) });
    }, HEARTBEAT_MS);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private retry(generation: number): void {
    if (generation !== this.generation || this.listeners.size === 0 || this.retryTimer) return;
    const wait = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.listeners.size > 0) void this.open();
    }, wait);
  }

  /** The socket is gone (it may still be closing): stop its heartbeat and tell the listeners. */
  private drop(): void {
    this.stopHeartbeat();
    this.task = null;
    this.setUp(false);
  }

  private shut(): void {
    this.generation++;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const task = this.task;
    this.drop();
    this.attempt = 0;
    task?.close({ code: 1000 });
  }

  private setUp(up: boolean): void {
    if (this.up === up) return;
    this.up = up;
    for (const listener of this.listeners) listener.status(up);
  }
}

function parse(data: unknown): LiveFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const frame = JSON.parse(data) as { type?: unknown };
    return typeof frame.type === 'string' ? (frame as LiveFrame) : null;
  } catch {
    return null;
  }
}

export const liveSocket = new LiveSocket();
