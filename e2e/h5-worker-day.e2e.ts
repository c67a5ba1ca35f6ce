import { addDays, instantOf, shanghaiDateOf } from '@linli/shared';
import { stableId } from '../api/src/seed/stable-id';
import { demoLogin, NEAR_ANDA, phonesPerTest, signInAs, workerZhaoGoesOnline } from './support/h5-harness';
import { serviceDayHasCome } from './support/service-day';

const HOME_CLEANING = stableId('service', 'home_cleaning');
const ANDA_CENTRE = stableId('centre', 'C340104001001');
const WANG = stableId('resident', 'wang-xiuying');
const ADDRESS = '蜀山区肥西路 3 号院 5 栋 201';

/**
 * The day of a home visit in two phones: 赵师傅 accepts 王秀英's cleaning for tomorrow morning and is not offered
 * 出发 (the card says from when on the service day); 王秀英 can call him as soon as he has accepted; when the day
 * has come, 出发 asks him to confirm the address and time first, and the resident's page follows.
 */
describe('H5: the day of a home visit', () => {
  // Two phones: the worker's, near the centre, and the resident's.
  const phones = phonesPerTest({ worker: { geolocation: NEAR_ANDA, permissions: ['geolocation'] }, resident: {} });

  phones.test(
    'a worker cannot set out a day early; the resident sees 拨打电话 once he accepts; on the day he confirms and sets out',
    async () => {
      const { harness } = phones;
      const { api } = harness;
      const { worker, resident } = phones.pages;

      await workerZhaoGoesOnline(worker, api.baseUrl);

      // 王秀英 has asked for a cleaning tomorrow 09:00–12:00 (the booking form itself is h5-dispatch's subject).
      const residentToken = await demoLogin(api.baseUrl, stableId('account', 'resident-wang'));
      const tomorrow = addDays(shanghaiDateOf(new Date()), 1);
      const created = await fetch(`${api.baseUrl}/api/home-orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${residentToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          centreId: ANDA_CENTRE,
          serviceId: HOME_CLEANING,
          residentId: WANG,
          address: ADDRESS,
          windowStartsAt: instantOf(tomorrow, '09:00').toISOString(),
          windowEndsAt: instantOf(tomorrow, '12:00').toISOString(),
          description: '厨房和卫生间保洁',
          ...NEAR_ANDA,
        }),
      });
      expect(created.status).toBe(201);
      const orderId = ((await created.json()) as { id: string }).id;
      await signInAs(resident, api.baseUrl, '王秀英');
      await resident.locator('.profile-name').first().waitFor({ timeout: 20_000 });
      await resident.goto(`${api.baseUrl}/#/home-service/pages/order/index?id=${orderId}`);
      await resident.locator('.home-order .order-status').first().waitFor({ timeout: 20_000 });
      expect(await resident.locator('.home-order__call').count()).toBe(0);

      // 赵师傅 accepts. Tomorrow's visit: no 出发, but when it will be possible.
      const offer = worker.locator('.worker-offer', { hasText: '家政保洁上门' }).first();
      await offer.waitFor({ timeout: 30_000 });
      await offer.locator('.worker-offer__accept').first().tap();
      const job = worker.locator('.order-card', { hasText: ADDRESS }).first();
      await job.locator('.worker-job__set-out-later').first().waitFor({ timeout: 20_000 });
      expect((await job.locator('.worker-job__set-out-later').first().innerText()).trim()).toBe('服务当天 07:00 后可出发');
      expect(await job.locator('.worker-job__set-out').count()).toBe(0);
      // Nor does the API let a request through behind the screen's back.
      const workerToken = await demoLogin(api.baseUrl, stableId('account', 'worker-zhao'));
      const early = await fetch(`${api.baseUrl}/api/worker/orders/${orderId}/set-out`, {
        method: 'POST',
        headers: { authorization: `Bearer ${workerToken}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(early.status).toBe(409);
      expect(((await early.json()) as { code: string }).code).toBe('SET_OUT_TOO_EARLY');

      // The resident's page follows by itself: accepted, and now she can call him.
      await resident.getByText('已接单').first().waitFor({ timeout: 30_000 });
      const call = resident.locator('.order-worker .home-order__call').first();
      await call.waitFor({ timeout: 20_000 });
      expect((await call.innerText()).trim()).toBe('拨打电话');
      await call.tap();
      await resident.getByText('正在拨打 13705510009').first().waitFor({ timeout: 20_000 });

      // The service day has come: 出发 is offered, and asks first.
      await serviceDayHasCome(harness, orderId);
      await worker.reload();
      const setOut = worker.locator('.order-card', { hasText: ADDRESS }).locator('.worker-job__set-out').first();
      await setOut.tap({ timeout: 20_000 });
      const question = worker.locator('.worker-set-out').first();
      await question.waitFor({ timeout: 20_000 });
      const asked = await question.innerText();
      for (const fact of ['家政保洁上门（王秀英）', `地址：${ADDRESS}`, '时间：']) expect(asked).toContain(fact);
      await question.locator('.confirm-dialog__confirm').first().tap();
      await worker.locator('.worker-job__start').first().waitFor({ timeout: 20_000 });

      await resident.getByText('服务人员已出发').first().waitFor({ timeout: 30_000 });
    },
    150_000,
  );
});
