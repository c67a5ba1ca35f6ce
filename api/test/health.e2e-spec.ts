import { startTestApp, type TestApp } from './support/test-app';

describe('health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('liveness answers without touching the database', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
  });

  it('readiness reports the database up and every migration applied', async () => {
    const response = await t.http().get('/api/health/ready').expect(200);
    const dialect = process.env.E2E_DATABASE_URL ? new URL(process.env.E2E_DATABASE_URL).protocol.replace(':', '') : 'sqlite';
    expect(response.body).toEqual({ status: 'ready', database: 'up', dialect, pendingMigrations: 0, lastOfficialCalendarYear: expect.any(Number) });
  });

  it('readiness is 503 SERVICE_UNAVAILABLE when a migration is missing', async () => {
    const [last] = t.dataSource.migrations.slice(-1);
    await t.dataSource.query('DELETE FROM migrations WHERE name = ?', [last.name]);
    try {
      const response = await t.http().get('/api/health/ready').expect(503);
      expect(response.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { status: 'not_ready', pendingMigrations: 1 } });
    } finally {
      await t.dataSource.query('INSERT INTO migrations (timestamp, name) VALUES (?, ?)', [Number(last.name!.match(/\d+$/)![0]), last.name]);
    }
  });
});
