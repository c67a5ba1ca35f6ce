import { spawnSync } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT, startApi, throwawaySqlite, type ApiProcess } from './support/api-process';

/** A raw TCP connection to the API, for requests no HTTP client would send; collects everything it answers. */
async function rawConnection(baseUrl: string) {
  const socket = connect(Number(new URL(baseUrl).port), '127.0.0.1');
  let answer = '';
  const listeners = new Set<() => void>();
  socket.on('data', (chunk) => {
    answer += chunk.toString();
    for (const listener of listeners) listener();
  });
  const closed = new Promise((resolveClose) => socket.once('close', resolveClose));
  await new Promise((resolveConnect) => socket.once('connect', resolveConnect));
  /** Resolves once what the server has answered so far matches `pattern`. */
  const received = (pattern: RegExp) =>
    new Promise<void>((resolveReceived) => {
      const check = () => {
        if (!pattern.test(answer)) return;
        listeners.delete(check);
        resolveReceived();
      };
      listeners.add(check);
      check();
    });
  return { socket, answer: () => answer, closed, received };
}

interface BurstOutcome {
  status?: number;
  connection?: string;
  error?: string;
}

/** Sends one GET on `agent` and resolves once it is on the wire (`sent`) and once it is answered or fails (`outcome`). */
function sendThrough(agent: Agent, url: string) {
  const outgoing = httpRequest(url, { agent });
  const sent = new Promise<void>((resolveSent) => outgoing.once('finish', resolveSent));
  const outcome = new Promise<BurstOutcome>((resolveOutcome) => {
    outgoing.once('response', (response) => {
      response.resume();
      response.once('end', () => resolveOutcome({ status: response.statusCode, connection: response.headers.connection }));
    });
    outgoing.once('error', (error: NodeJS.ErrnoException) => resolveOutcome({ error: error.code }));
  });
  outgoing.end();
  return { sent, outcome };
}

describe('the API as a process', () => {
  const database = throwawaySqlite();
  let api: ApiProcess | undefined;

  afterEach(async () => {
    await api?.stop();
    api = undefined;
  });
  afterAll(() => database.remove());

  it('starts on a fresh SQLite file, runs migrations and is ready', async () => {
    api = await startApi({ DATABASE_URL: database.databaseUrl, H5_DIR: 'off' });
    const response = await fetch(`${api.baseUrl}/api/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', dialect: 'sqlite', pendingMigrations: 0 });
  });

  it('writes one structured log line per request with id, route, status and latency, and no secrets', async () => {
    api = await startApi({ DATABASE_URL: database.databaseUrl, H5_DIR: 'off' });
    await fetch(`${api.baseUrl}/api/regions/communities?keyword=%E5%AE%89&phone=13800138000`, {
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.secret.sig', 'x-request-id': 'log-test-0001' },
    });
    await api.stop();
    const lines = api
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLine = lines.find((line) => line.reqId === 'log-test-0001');
    expect(requestLine).toMatchObject({ method: 'GET', route: '/api/regions/communities', status: 400, msg: 'request completed' });
    expect(requestLine?.latencyMs).toEqual(expect.any(Number));
    expect(api.output()).not.toContain('13800138000');
    expect(api.output()).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });

  it('never logs request bodies, so ID numbers, passwords and WeChat codes sent in them stay out of the logs', async () => {
    api = await startApi({ DATABASE_URL: database.databaseUrl, H5_DIR: 'off', LOG_LEVEL: 'trace' });
    await fetch(`${api.baseUrl}/api/auth/password/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: '11010519491231002X', password: 'secret-password-123' }),
    });
    await fetch(`${api.baseUrl}/api/auth/wechat/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'wechat-code-abc' }) });
    await api.stop();
    for (const secret of ['11010519491231002X', 'secret-password-123', 'wechat-code-abc']) expect(api.output()).not.toContain(secret);
  });

  it('on SIGTERM answers every request that reached it before the signal, on kept-alive and on new connections, then exits 0', async () => {
    api = await startApi({ DATABASE_URL: database.databaseUrl, H5_DIR: 'off' });
    const url = `${api.baseUrl}/api/health/ready`;
    const agent = new Agent({ keepAlive: true, maxSockets: 60 });
    // Twenty kept-alive connections, each having served one request and now idle, as a load balancer holds them.
    const warmUp = Array.from({ length: 20 }, () => sendThrough(agent, url).outcome);
    expect(await Promise.all(warmUp)).toEqual(Array(20).fill({ status: 200, connection: 'keep-alive' }));

    // Stopped, the server can neither accept nor read: the state of a busy server when the signal lands. The
    // requests wait in the kernel (twenty on the idle connections, forty on connections not yet accepted).
    api.child.kill('SIGSTOP');
    const burst = Array.from({ length: 60 }, () => sendThrough(agent, url));
    try {
      await Promise.all(burst.map((request) => request.sent));
      api.child.kill('SIGTERM');
    } finally {
      api.child.kill('SIGCONT');
    }

    const outcomes = await Promise.all(burst.map((request) => request.outcome));
    agent.destroy();
    expect(await api.exited).toBe(0);
    const answered = outcomes.filter((outcome) => outcome.status === 200 || (outcome.status === 503 && outcome.connection === 'close'));
    expect({ answered: answered.length, failed: outcomes.filter((outcome) => !answered.includes(outcome)) }).toEqual({ answered: 60, failed: [] });
  });

  it('on SIGTERM lets a kept-alive request in flight finish, closes its connection after the answer, and exits 0 without waiting out the timeout', async () => {
    api = await startApi({ DATABASE_URL: database.databaseUrl, H5_DIR: 'off', SHUTDOWN_TIMEOUT_MS: '20000' });
    const { socket, answer, closed, received } = await rawConnection(api.baseUrl);
    // HTTP/1.1 keeps the connection alive by default. "100 Continue" says the server has the request in hand; it
    // stays in flight until its body arrives, after the signal.
    socket.write('POST /api/auth/password/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n');
    await received(/^HTTP\/1\.1 100 Continue\r\n\r\n/);

    api.child.kill('SIGTERM');
    await api.waitForOutput(/shutting down/);
    socket.write('{}');

    await closed; // by the server: this client never hangs up
    expect(await api.exited).toBe(0);
    expect(answer()).toMatch(/\r\n\r\nHTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer()).toMatch(/\r\nconnection: close\r\n/i);
    expect(api.output()).toContain('shutdown complete');
  });

  it('answers a garbled HTTP request in the one error shape', async () => {
    api = await startApi({ DATABASE_URL: database.databaseUrl, H5_DIR: 'off' });
    const { socket, answer, closed } = await rawConnection(api.baseUrl);
    socket.write('THIS IS NOT HTTP\r\n\r\n');
    await closed;
    expect(answer()).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(answer().split('\r\n\r\n')[1])).toEqual({ code: 'MALFORMED_BODY', message: expect.any(String), requestId: expect.any(String) });
  });

  it('answers headers larger than Node accepts with 431 and a code of its own', async () => {
    api = await startApi({ DATABASE_URL: database.databaseUrl, H5_DIR: 'off' });
    const { socket, answer, closed } = await rawConnection(api.baseUrl);
    socket.write(`GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`);
    await closed;
    expect(answer()).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(JSON.parse(answer().split('\r\n\r\n')[1])).toEqual({ code: 'HEADERS_TOO_LARGE', message: '请求头过大', requestId: expect.any(String) });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be a whole number'],
    [{ DATABASE_URL: 'postgres://x@127.0.0.1/db' }, 'Invalid configuration: DATABASE_URL has unsupported scheme'],
    [{ DATABASE_URL: 'mysql://root@127.0.0.1:1/linli' }, 'Start-up failed'],
  ])('refuses to start with %j and says why', (env, message) => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'api', 'dist', 'main.js')], {
      env: { ...process.env, H5_DIR: 'off', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message for operators, not a stack trace
  });
});
