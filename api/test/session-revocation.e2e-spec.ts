import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { Account } from '../src/modules/accounts/account.entity';
import { RefreshToken } from '../src/modules/auth/refresh-token.entity';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Decision 0006, kept by 0018: logging out, revoking a session, disabling an account and suspending a provider take
 * effect on the very next request on every instance. Two instances on one database: the change is made through the
 * first (or straight in the database, as another instance or an operator would), and the very next request to the
 * second is refused — the guard keeps no copy of a session or an account between requests.
 */
describe('session revocation reaches every instance at once', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  const onSecond = () => request(second.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
    second = await createApp(t.config);
    await second.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('logout on one instance: the next request to the other is TOKEN_INVALID', async () => {
    const login = await loginWithPassword(t, 'city.admin');
    await onSecond().get('/api/me').set(bearer(login)).expect(200);
    await t.http().post('/api/auth/logout').set(bearer(login)).expect(204);
    const me = await onSecond().get('/api/me').set(bearer(login)).expect(401);
    expect(me.body.code).toBe('TOKEN_INVALID');
  });

  it('a session revoked in the database is refused at once, while another session of the same account goes on', async () => {
    const revoked = await loginWithPassword(t, 'anda.staff');
    const other = await loginWithPassword(t, 'anda.staff');
    await onSecond().get('/api/me').set(bearer(revoked)).expect(200);
    await t.dataSource.getRepository(RefreshToken).update({ familyId: familyOf(revoked.tokens.accessToken) }, { revokedAt: new Date() });
    await onSecond().get('/api/me').set(bearer(revoked)).expect(401);
    await onSecond().get('/api/me').set(bearer(other)).expect(200);
  });

  it('an account disabled in the database (its sessions left live) is refused at once', async () => {
    const login = await loginWithWechat(t, 'openid-disabled-elsewhere');
    await onSecond().get('/api/me').set(bearer(login)).expect(200);
    await t.dataSource.getRepository(Account).update({ id: login.account.id }, { status: 'disabled' });
    await onSecond().get('/api/me').set(bearer(login)).expect(401);
  });

  it('suspending a provider on one instance locks its admin and workers out of the other at once; reinstating lets the same sessions back', async () => {
    const admin = await loginWithPassword(t, 'shushan.admin');
    const providerAdmin = await loginWithPassword(t, 'anxin.admin');
    const worker = await loginWithWechat(t, 'demo-openid-worker-zhao');
    await onSecond().get('/api/me').set(bearer(providerAdmin)).expect(200);
    await onSecond().get('/api/me').set(bearer(worker)).expect(200);
    const provider = stableId('provider', 'anxin');
    await t.http().put(`/api/providers/${provider}/status`).set(bearer(admin)).send({ status: 'suspended', reason: '服务投诉核查中' }).expect(200);
    await onSecond().get('/api/me').set(bearer(providerAdmin)).expect(401);
    await onSecond().get('/api/me').set(bearer(worker)).expect(401);
    await t.http().put(`/api/providers/${provider}/status`).set(bearer(admin)).send({ status: 'active' }).expect(200);
    await onSecond().get('/api/me').set(bearer(providerAdmin)).expect(200);
  });
});

/** The session (refresh-token family) an access token names, read from its claims. */
function familyOf(accessToken: string): string {
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { sid: string };
  return payload.sid;
}
