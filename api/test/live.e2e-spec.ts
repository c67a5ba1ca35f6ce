import type { LoginResponse } from '@linli/shared';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory';
import { issueAccessToken } from '../src/common/security/access-token';
import { LIVE_CLOSE } from '../src/modules/live';
import { stableId } from '../src/seed/stable-id';
import { addWorker, goOffline, goOnline, northOfAnda, placeOrder, zhao, type TestWorker } from './support/dispatch';
import { LiveClient, listenLocally } from './support/live-socket';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const WANG = stableId('resident', 'wang-xiuying');

/**
 * Live updates over /api/live with a real WebSocket client: offers reach the worker they were made to (and only
 * them), order changes the resident, the board's changes the staff of the order's region; two instances on one
 * database — an offer committed on A reaches a socket held on B (by following the outbox, or through Redis when
 * E2E_REDIS_URL names one); bad and expired tokens are refused.
 */
const MODES: Array<[string, string | null]> = [['following the outbox', null]];
if (process.env.E2E_REDIS_URL) MODES.push(['Redis pub/sub', process.env.E2E_REDIS_URL]);

describe.each(MODES)('live updates (%s)', (_mode, redisUrl) => {
  describe('sockets', () => {
    let t: TestApp;
    let second: NestFastifyApplication;
    let urlA: string;
    let urlB: string;
    let wang: LoginResponse;
    let staff: LoginResponse;
    let otherStaff: LoginResponse;
    let zhaoWorker: TestWorker;
    let qian: TestWorker;
    const sockets: LiveClient[] = [];
    const open = async (url: string, login: LoginResponse) => {
      const socket = await LiveClient.signedIn(url, login.tokens.accessToken);
      sockets.push(socket);
      return socket;
    };

    beforeAll(async () => {
      const env = { LOGIN_MAX_ATTEMPTS_PER_IP: '10000', LIVE_FOLLOW_MS: '200', LIVE_AUTH_TIMEOUT_SECONDS: '1', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) };
      t = await startTestApp({ env });
      await t.seed();
      second = await createApp(t.config);
      [urlA, urlB] = [await listenLocally(t.app), await listenLocally(second)];
      wang = await loginWithWechat(t, 'demo-openid-wang-xiuying');
      staff = await loginWithPassword(t, 'anda.staff');
      otherStaff = await loginWithPassword(t, 'nanping.staff');
      zhaoWorker = await zhao(t);
      qian = await addWorker(t, '钱师傅', `live-worker-qian-${redisUrl ? 'r' : 'o'}`);
    });
    afterAll(async () => {
      for (const socket of sockets) socket.close();
      await second?.close();
      await t?.close();
    });
    beforeEach(async () => {
      await goOffline(t, zhaoWorker);
      await goOffline(t, qian);
    });

    it('an offer made through the routes on A reaches the worker on B with its seconds left, not another worker; the resident and the region staff hear the change, other staff do not', async () => {
      const zhaoOnB = await open(urlB, zhaoWorker.login);
      const qianOnB = await open(urlB, qian.login);
      const wangOnA = await open(urlA, wang);
      const staffOnB = await open(urlB, staff);
      const otherStaffOnA = await open(urlA, otherStaff);
      await goOnline(t, zhaoWorker, northOfAnda(300));
      await goOnline(t, qian, northOfAnda(6000));

      const order = await placeOrder(t, wang, WANG);
      const offer = await zhaoOnB.next((frame) => frame.type === 'offer' && frame.orderId === order.id);
      const { offer: current } = (await t.http().get('/api/worker/offer').set(bearer(zhaoWorker.login)).expect(200)).body;
      expect(offer).toMatchObject({ offerId: current.id, expiresAt: new Date(current.expiresAt).toISOString() });
      expect(offer.secondsLeft).toBeGreaterThan(250);
      expect(offer.secondsLeft).toBeLessThanOrEqual(300);

      expect(await wangOnA.next((frame) => frame.type === 'order' && frame.orderId === order.id)).toMatchObject({ status: 'offered', event: 'offer' });
      expect(await staffOnB.next((frame) => frame.type === 'board' && frame.orderId === order.id)).toMatchObject({ status: 'offered', event: 'offer' });
      expect((await qianOnB.drained()).filter((frame) => frame.orderId === order.id)).toEqual([]);
      expect((await otherStaffOnA.drained()).filter((frame) => frame.orderId === order.id)).toEqual([]);

      // The worker accepts on A: the resident hears it on A, the worker's own socket on B hears the status change.
      await t.http().post(`/api/worker/offers/${current.id}/accept`).set(bearer(zhaoWorker.login)).expect(200);
      expect(await wangOnA.next((frame) => frame.type === 'order' && frame.orderId === order.id && frame.status === 'accepted')).toMatchObject({ event: 'accept' });
      expect(await zhaoOnB.next((frame) => frame.type === 'order' && frame.orderId === order.id && frame.status === 'accepted')).toMatchObject({ event: 'accept' });
      expect(await staffOnB.next((frame) => frame.type === 'board' && frame.orderId === order.id && frame.status === 'accepted')).toBeTruthy();
      // Each change once per socket.
      expect((await wangOnA.drained()).filter((frame) => frame.orderId === order.id).map((frame) => frame.status)).toEqual(['offered', 'accepted']);
    });

    it('refuses a forged, an expired and a missing token, and a socket that never signs in', async () => {
      const forged = await LiveClient.open(urlA, `${wang.tokens.accessToken.slice(0, -4)}AAAA`);
      expect((await forged.closedBy()).code).toBe(LIVE_CLOSE.unauthorized);
      const claims = JSON.parse(Buffer.from(wang.tokens.accessToken.split('.')[1], 'base64url').toString()) as { sub: string; role: string; sid: string };
      const expired = issueAccessToken({ sub: claims.sub, role: claims.role, sid: claims.sid }, t.config.secrets.jwtSecret, 60, Date.now() - 3600_000);
      const late = await LiveClient.open(urlB, expired);
      expect((await late.closedBy()).code).toBe(LIVE_CLOSE.unauthorized);
      const garbled = await LiveClient.open(urlA, null);
      garbled.socket.send('not json');
      expect((await garbled.closedBy()).code).toBe(LIVE_CLOSE.badFrame);
      const silent = await LiveClient.open(urlB, null);
      expect((await silent.closedBy()).code).toBe(LIVE_CLOSE.authTimeout);
      // A signed-out session's token is refused although it has not expired.
      const session = await loginWithWechat(t, 'demo-openid-wang-xiuying');
      await t.http().post('/api/auth/logout').set(bearer(session)).expect(204);
      const signedOut = await LiveClient.open(urlA, session.tokens.accessToken);
      expect((await signedOut.closedBy()).code).toBe(LIVE_CLOSE.unauthorized);
    });
  });
});
