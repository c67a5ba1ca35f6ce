import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import WebSocket from 'ws';

/** A frame the live socket sent, parsed. */
export type Frame = { type: string } & Record<string, unknown>;

/**
 * A real WebSocket client on /api/live: it signs in with the access token as its first frame, records every frame,
 * and lets a test wait for the frame it expects (never for a fixed pause).
 */
export class LiveClient {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse((Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8')) as Frame);
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  /** Opens a socket and sends `token` (when given) as the sign-in frame. */
  static async open(baseUrl: string, token: string | null): Promise<LiveClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live`);
    const client = new LiveClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    if (token !== null) socket.send(JSON.stringify({ type: 'auth', token }));
    return client;
  }

  /** Opens and waits for `ready`. */
  static async signedIn(baseUrl: string, token: string): Promise<LiveClient> {
    const client = await LiveClient.open(baseUrl, token);
    await client.next((frame) => frame.type === 'ready');
    return client;
  }

  /** The first frame (already received or still to come) that matches. */
  next(match: (frame: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    return this.until(() => this.frames.find(match) ?? null, timeoutMs, 'the expected frame');
  }

  /** Waits until the server closes the socket. */
  closedBy(timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
    return this.until(() => this.closed, timeoutMs, 'the socket to close');
  }

  /**
   * Everything the server queued for this socket before now has arrived: an application ping's pong comes back on
   * the same ordered connection after it.
   */
  async drained(): Promise<Frame[]> {
    const pongs = this.frames.filter((frame) => frame.type === 'pong').length;
    this.socket.send(JSON.stringify({ type: 'ping' }));
    await this.until(() => (this.frames.filter((frame) => frame.type === 'pong').length > pongs ? true : null), 10_000, 'pong');
    return this.frames.filter((frame) => frame.type !== 'pong');
  }

  close(): void {
    this.socket.close();
  }

  private until<T>(probe: () => T | null, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found !== null) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((waiter) => waiter !== check);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        reject(new Error(`timed out waiting for ${what}; frames so far: ${JSON.stringify(this.frames)}; closed: ${JSON.stringify(this.closed)}`));
      }, timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** Listens on a free local port and answers the base URL. */
export async function listenLocally(app: NestFastifyApplication): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}
