import { createServer } from 'node:http';

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  /** e.g. http://127.0.0.1:41234/api */
  baseUrl: string;
  /** Requests seen so far, in order, for assertions on headers. */
  requests: IncomingMessage[];
  close: () => Promise<void>;
}

/**
 * A real HTTP server on an ephemeral port, serving `routes` under /api. It answers CORS preflights because jsdom
 * enforces CORS exactly as a browser would (the test page's origin is http://localhost).
 */
export async function startFixtureServer(routes: Record<string, Handler>): Promise<FixtureServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, Idempotency-Key');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    requests.push(req);
    const path = (req.url ?? '').replace(/^\/api/, '').split('?')[0];
    const handler = routes[path] ?? matchPattern(routes, path);
    if (handler) handler(req, res);
    else sendJson(res, 404, { code: 'NOT_FOUND', message: '接口不存在' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    requests,
    // Closing twice is fine: a test may close its server itself before serving again, and serve() closes the last one.
    close: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `/household/members/:id` style keys match any one path segment in place of `:id`. */
function matchPattern(routes: Record<string, Handler>, path: string): Handler | undefined {
  const key = Object.keys(routes).find((pattern) => {
    if (!pattern.includes('/:')) return false;
    const regex = new RegExp(`^${pattern.replace(/:[^/]+/g, '[^/]+')}$`);
    return regex.test(path);
  });
  return key ? routes[key] : undefined;
}

/** The request's JSON body (undefined when empty). */
export function readJson<T = unknown>(req: IncomingMessage): Promise<T> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      try {
        resolve((text ? JSON.parse(text) : undefined) as T);
      } catch (error) {
        reject(error);
      }
    });
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** A port nothing listens on: bind one, remember it, release it. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/api`;
}

/** A route that always answers `body` with `status`. */
export function answer(body: unknown, status = 200): Handler {
  return (_req, res) => sendJson(res, status, body);
}

export interface CountedRoute {
  handler: Handler;
  /** How many requests it has had so far. */
  calls: () => number;
}

/** A route that counts its requests; `reply` gets each one's number, from 1. */
export function countedRoute(reply: (call: number, req: IncomingMessage, res: ServerResponse) => void): CountedRoute {
  let calls = 0;
  return { handler: (req, res) => reply(++calls, req, res), calls: () => calls };
}

/** Fails the first request (503 服务暂时不可用 unless told otherwise) and answers every later one with `then`. */
export function failingOnce(then: Handler, status = 503, error = { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' }): CountedRoute {
  return countedRoute((call, req, res) => (call === 1 ? sendJson(res, status, error) : then(req, res)));
}
