import { DataSource } from 'typeorm';
import { DatabaseProxy } from './support/database-proxy';
import { startTestApp, type TestApp } from './support/test-app';

const serverUrl = process.env.E2E_DATABASE_URL;

/** What a database-backed route must answer while its database is out: 503 with Retry-After, in the one body. */
function expectUnavailable(response: { status: number; headers: Record<string, string>; body: unknown }): void {
  expect({ status: response.status, retryAfter: response.headers['retry-after'], body: response.body }).toEqual({
    status: 503,
    retryAfter: '5',
    body: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String), requestId: expect.any(String) },
  });
}

/**
 * Readiness once the application has seen the connections the restart cut (the check that was stuck on one of
 * them fails when it does); the wait is for that state, bounded by the test's timeout.
 */
async function untilReady(t: TestApp): Promise<void> {
  while ((await t.http().get('/api/health/ready')).status !== 200) await new Promise((resolveTurn) => setImmediate(resolveTurn));
}

const wrongPassword = { username: 'anda.staff', password: 'not-the-password' };

(serverUrl ? describe.skip : describe)('SQLite held by another process', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers writes 503 with Retry-After once the busy timeout passes, keeps serving reads, and recovers when the lock goes', async () => {
    if (t.config.database.dialect !== 'sqlite') throw new Error('expected a SQLite test database');
    // A backup tool or an operator's sqlite3 shell holding the write lock longer than the busy timeout.
    const holder = await new DataSource({ type: 'better-sqlite3', database: t.config.database.file }).initialize();
    await holder.query('BEGIN IMMEDIATE');
    try {
      // Every password sign-in records the attempt first: a write.
      expectUnavailable(await t.http().post('/api/auth/password/login').send(wrongPassword));
      await t.http().get('/api/centres').expect(200);
      await t.http().get('/api/health/ready').expect(200);
    } finally {
      await holder.query('ROLLBACK');
      await holder.destroy();
    }
    await t.http().post('/api/auth/password/login').send(wrongPassword).expect(401);
  });
});

(serverUrl ? describe : describe.skip)('MySQL/MariaDB going away, stalling and coming back', () => {
  let t: TestApp;
  let proxy: DatabaseProxy;

  beforeAll(async () => {
    const through = await DatabaseProxy.start(serverUrl!);
    proxy = through.proxy;
    t = await startTestApp({ databaseServerUrl: through.url });
  });
  afterAll(async () => {
    await proxy.restore(); // the scratch database is dropped through the proxy
    await t.close();
    await proxy.close();
  });

  it('answers 503 with Retry-After while the server refuses connections, and serves again once it is back', async () => {
    await t.http().get('/api/centres').expect(200); // the pool holds live connections
    await proxy.takeDown();

    expectUnavailable(await t.http().get('/api/centres'));
    expectUnavailable(await t.http().post('/api/auth/password/login').send(wrongPassword));
    const readiness = await t.http().get('/api/health/ready');
    expect(readiness.status).toBe(503);
    expect(readiness.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { status: 'not_ready', database: 'down' } });

    await proxy.restore();
    await t.http().get('/api/centres').expect(200);
    await t.http().get('/api/health/ready').expect(200);
  });

  it('answers readiness 503 within two seconds while the server accepts and never answers, and a cut connection 503', async () => {
    await t.http().get('/api/health/ready').expect(200);
    proxy.stall();

    const started = Date.now();
    const [first, second] = await Promise.all([t.http().get('/api/health/ready').timeout(10_000), t.http().get('/api/health/ready').timeout(10_000)]);
    expect(Date.now() - started).toBeLessThan(2_500);
    for (const readiness of [first, second]) {
      expect(readiness.status).toBe(503);
      expect(readiness.body).toMatchObject({ details: { status: 'not_ready', database: 'down' } });
    }

    // A request waiting on the hung server loses its connection when the server restarts.
    const heldBack = proxy.nextHeldBack();
    const waiting = t
      .http()
      .get('/api/centres')
      .then((response) => response);
    await heldBack;
    await proxy.restore();
    expectUnavailable(await waiting);
    await untilReady(t);
  });
});
