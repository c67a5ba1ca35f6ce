import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory';
import { Account } from '../src/modules/accounts/account.entity';
import { RefreshToken } from '../src/modules/auth/refresh-token.entity';
import { LIVE_CLOSE } from '../src/modules/live';
import { stableId } from '../src/seed/stable-id';
import { LiveClient, listenLocally } from './support/live-socket';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A session that ends loses its live sockets on every instance within the hub's session check (2 s), not only when its
 * access token runs out (15 min): logging out on instance A closes the session's sockets on A and on B with 4401; so do
 * a session revoked in the database, an account disabled in the database and a provider suspended — while another
 * session of the same account, and other accounts' sockets, stay open.
 */
describe('live sockets of a session that ended', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let urlA: string;
  let urlB: string;
  const sockets: LiveClient[] = [];
  const open = async (url: string, accessToken: string) => {
    const socket = await LiveClient.signedIn(url, accessToken);
    sockets.push(socket);
    return socket;
  };
  /** Both sockets closed by the server as unauthorized, within the session check and some slack for a loaded machine. */
  const bothClosed = async (...closing: LiveClient[]) => {
    for (const socket of closing) expect(await socket.closedBy(15_000)).toEqual({ code: LIVE_CLOSE.unauthorized, reason: 'session ended' });
  };
  /** Still open: it answers a ping after the other sockets were closed. */
  const stillOpen = async (socket: LiveClient) => {
    await socket.drained();
    expect(socket.closed).toBeNull();
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
    second = await createApp(t.config);
    [urlA, urlB] = [await listenLocally(t.app), await listenLocally(second)];
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await second?.close();
    await t?.close();
  });

  it('logout on A closes that session’s sockets on A and on B; another session of the same account keeps its socket', async () => {
    const login = await loginWithPassword(t, 'anda.staff');
    const other = await loginWithPassword(t, 'anda.staff');
    const onA = await open(urlA, login.tokens.accessToken);
    const onB = await open(urlB, login.tokens.accessToken);
    const otherOnB = await open(urlB, other.tokens.accessToken);
    await t.http().post('/api/auth/logout').set(bearer(login)).expect(204);
    await bothClosed(onA, onB);
    await stillOpen(otherOnB);
  });

  it('a session revoked in the database: its sockets on both instances close', async () => {
    const login = await loginWithWechat(t, 'demo-openid-wang-xiuying');
    const bystander = await loginWithPassword(t, 'city.admin');
    const onA = await open(urlA, login.tokens.accessToken);
    const onB = await open(urlB, login.tokens.accessToken);
    const bystanderOnA = await open(urlA, bystander.tokens.accessToken);
    await t.dataSource.getRepository(RefreshToken).update({ familyId: familyOf(login.tokens.accessToken) }, { revokedAt: new Date() });
    await bothClosed(onA, onB);
    await stillOpen(bystanderOnA);
  });

  it('an account disabled in the database (its sessions left live): its sockets close', async () => {
    const login = await loginWithWechat(t, 'openid-live-disabled-elsewhere');
    const onA = await open(urlA, login.tokens.accessToken);
    const onB = await open(urlB, login.tokens.accessToken);
    await t.dataSource.getRepository(Account).update({ id: login.account.id }, { status: 'disabled' });
    await bothClosed(onA, onB);
  });

  it('a provider suspended on A: its worker’s sockets close on both instances; a new sign-in is refused until it is reinstated', async () => {
    const admin = await loginWithPassword(t, 'shushan.admin');
    const worker = await loginWithWechat(t, 'demo-openid-worker-zhao');
    const onA = await open(urlA, worker.tokens.accessToken);
    const onB = await open(urlB, worker.tokens.accessToken);
    const provider = stableId('provider', 'anxin');
    await t.http().put(`/api/providers/${provider}/status`).set(bearer(admin)).send({ status: 'suspended', reason: '服务投诉核查中' }).expect(200);
    try {
      await bothClosed(onA, onB);
      const again = await LiveClient.open(urlB, worker.tokens.accessToken);
      sockets.push(again);
      expect((await again.closedBy()).code).toBe(LIVE_CLOSE.unauthorized);
    } finally {
      await t.http().put(`/api/providers/${provider}/status`).set(bearer(admin)).send({ status: 'active' }).expect(200);
    }
    await open(urlB, worker.tokens.accessToken); // the same session is live again
  });
});

/** The session (refresh-token family) an access token names, read from its claims. */
function familyOf(accessToken: string): string {
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { sid: string };
  return payload.sid;
}
