import { ApiError } from '../src/services/api-error';
import { CLIENT_ERROR_MESSAGES, configureRequest, request, requestList } from '../src/services/request';
import { clearSession, saveSession } from '../src/storage/token-storage';
import { closedPortUrl, sendJson, startFixtureServer } from './support/fixture-server';
import { failureOf } from './support/failure';

import type { FixtureServer } from './support/fixture-server';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer({
    '/ok': (_req, res) => sendJson(res, 200, { items: [{ id: 'a' }] }),
    '/echo': (req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => sendJson(res, 200, { method: req.method, url: req.url, body: JSON.parse(body || 'null') }));
    },
    '/invalid': (_req, res) =>
      sendJson(res, 422, {
        code: 'VALIDATION_FAILED',
        message: '请检查填写的内容',
        details: [{ field: 'phone', constraints: ['isMobilePhone'], message: '手机号格式不对' }],
        requestId: 'req-422',
      }),
    '/crash': (_req, res) => sendJson(res, 500, { code: 'INTERNAL_ERROR', message: '服务器出错了', requestId: 'req-500' }),
    '/gateway': (_req, res) => res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html>Bad Gateway</html>'),
    '/garbage': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"items": [tru'),
    '/not-a-list': (_req, res) => sendJson(res, 200, { rows: [] }),
    '/no-content': (_req, res) => res.writeHead(204).end(),
    '/hang': () => {
      // Never answer: the client's timeout has to fire.
    },
  });
  configureRequest({ baseUrl: server.baseUrl, timeoutMs: 10_000 });
});

afterAll(() => server.close());

afterEach(() => clearSession());

describe('request', () => {
  it('resolves with the parsed JSON body of a 200', async () => {
    await expect(request('/ok')).resolves.toEqual({ items: [{ id: 'a' }] });
  });

  it('sends a bearer token only when one is stored', async () => {
    await request('/ok');
    expect(server.requests.at(-1)?.headers.authorization).toBeUndefined();

    saveSession({ accessToken: 'token-123', refreshToken: 'refresh-123', account: null });
    await request('/ok');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer token-123');
  });

  it('sends the query string and a JSON body', async () => {
    const echoed = await request('/echo', { method: 'POST', query: { page: 2, q: '阳光' }, body: { a: 1 } });
    expect(echoed).toEqual({ method: 'POST', url: `/api/echo?page=2&q=${encodeURIComponent('阳光')}`, body: { a: 1 } });
    expect(server.requests.at(-1)?.headers['content-type']).toBe('application/json');
  });

  it('resolves with undefined for 204 No Content', async () => {
    await expect(request('/no-content', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('turns a 4xx error body into an ApiError with all its fields', async () => {
    const error = await failureOf(request('/invalid'));
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请检查填写的内容',
      status: 422,
      requestId: 'req-422',
      details: [{ field: 'phone', constraints: ['isMobilePhone'], message: '手机号格式不对' }],
    });
  });

  it('turns a 500 error body into an ApiError', async () => {
    const error = await failureOf(request('/crash'));
    expect(error).toMatchObject({ code: 'INTERNAL_ERROR', status: 500, requestId: 'req-500' });
  });

  it('reports a non-JSON error page as BAD_RESPONSE, keeping the status', async () => {
    const error = await failureOf(request('/gateway'));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 502, message: CLIENT_ERROR_MESSAGES.BAD_RESPONSE });
  });

  it('reports malformed JSON in a 200 as BAD_RESPONSE', async () => {
    const error = await failureOf(request('/garbage'));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });

  it('reports a 200 that is not a list as BAD_RESPONSE from requestList', async () => {
    const error = await failureOf(requestList('/not-a-list'));
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('gives up after the timeout with TIMEOUT', async () => {
    const started = Date.now();
    const error = await failureOf(request('/hang', { timeoutMs: 300 }));
    expect(error).toMatchObject({ code: 'TIMEOUT', status: 0, message: CLIENT_ERROR_MESSAGES.TIMEOUT });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a refused connection as NETWORK_ERROR', async () => {
    configureRequest({ baseUrl: await closedPortUrl() });
    try {
      const error = await failureOf(request('/ok'));
      expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0, message: CLIENT_ERROR_MESSAGES.NETWORK_ERROR });
    } finally {
      configureRequest({ baseUrl: server.baseUrl });
    }
  });

  it('shows the message in a toast only when asked, and still rejects', async () => {
    await failureOf(request('/crash'));
    expect(document.body.textContent).not.toContain('服务器出错了');

    await failureOf(request('/crash', { toast: true }));
    expect(document.body.textContent).toContain('服务器出错了');
  });
});
