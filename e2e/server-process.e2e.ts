import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { REPO_ROOT, startApi, throwawaySqlite, type ApiProcess } from './support/api-process';

/** A raw TCP connection to the API, for requests no HTTP client would send; collects everything it answers. */
async function rawConnection(baseUrl: string) {
  const socket = connect(Number(new URL(baseUrl).port), '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk.toString()));
  const closed = new Promise((resolveClose) => socket.once('close', resolveClose));
  await new Promise((resolveConnect) => socket.once('connect', resolveConnect));
  return { socket, answer: () => answer, closed };
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
    const lines = api.output().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
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

  it('on SIGTERM lets an in-flight request finish, then exits 0', async () => {
    api = await startApi({ DATABASE_URL: database.databaseUrl, H5_DIR: 'off' });
    // A request whose body is still arriving is in flight: the server has it but cannot answer yet.
    const { socket, answer } = await rawConnection(api.baseUrl);
    socket.write('POST /api/regions/communities HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n{"a"');
    await sleep(200);
    expect(answer()).toBe('');

    api.child.kill('SIGTERM');
    await sleep(300);
    expect(api.child.exitCode).toBeNull(); // still draining
    socket.end(':1}\n');

    expect(await api.exited).toBe(0);
    expect(answer()).toMatch(/^HTTP\/1\.1 404/);
    expect(api.output()).toContain('shutdown complete');
  });

  it('answers a garbled HTTP request in the one error shape', async () => {
    api = await startApi({ DATABASE_URL: database.databaseUrl, H5_DIR: 'off' });
    const { socket, answer, closed } = await rawConnection(api.baseUrl);
    socket.write('THIS IS NOT HTTP\r\n\r\n');
    await closed;
    expect(answer()).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(answer().split('\r\n\r\n')[1])).toEqual({ code: 'MALFORMED_BODY', message: expect.any(String) });
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
