import { stableId } from '../api/src/seed/stable-id';
import { demoLogin, NEAR_ANDA, phonesPerTest, signInAs, workerZhaoGoesOnline } from './support/h5-harness';
import { serviceDayHasCome } from './support/service-day';

const HOME_CLEANING = stableId('service', 'home_cleaning');
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * A home service end to end in two phones: a resident asks for 家政保洁上门, the worker 赵师傅 (online in a second
 * browser context) gets the offer and accepts, sets out, starts, uploads a photo and completes, and the resident, whose order page
 * follows along by itself, confirms and rates. The real API process and its dispatch sweep run underneath.
 */
describe('H5: a home service from request to rating', () => {
  // Two phones: the worker's, near the centre, and the resident's.
  const phones = phonesPerTest({ worker: { geolocation: NEAR_ANDA, permissions: ['geolocation'] }, resident: {} });

  phones.test(
    'a resident books 家政保洁上门; a worker accepts, starts, adds a photo and completes; the resident sees it, confirms and rates',
    async () => {
      const { harness } = phones;
      const { api } = harness;
      const { worker, resident } = phones.pages;

      // The worker signs in (demo login) and goes online on the workbench.
      await workerZhaoGoesOnline(worker, api.baseUrl);

      // The resident asks for a home cleaning tomorrow morning.
      await signInAs(resident, api.baseUrl, '王秀英');
      await resident.locator('.profile-name').first().waitFor({ timeout: 20_000 });
      await resident.goto(`${api.baseUrl}/#/home-service/pages/book/index?id=${HOME_CLEANING}`);
      await resident.locator('.home-centre', { hasText: '安大社区市民中心' }).first().tap({ timeout: 20_000 });
      const person = resident.locator('.home-person', { hasText: '王秀英' }).first();
      if (!(await person.getAttribute('class'))?.includes('home-person--selected')) await person.tap();
      await resident.locator('.home-form__address input').first().fill('蜀山区肥西路 3 号院 5 栋 201');
      await resident.locator('.home-date').nth(1).tap();
      await resident.locator('.home-window[data-window="morning"]').first().tap();
      await resident.locator('.home-form__description textarea').first().fill('厨房和卫生间保洁');
      await resident.locator('.home-form__submit').first().tap();
      // The request is read back (for whom, where, when) before 确认 sends it.
      await resident.locator('.home-form__confirm').first().tap({ timeout: 20_000 });
      await resident.locator('.home-order').first().waitFor({ timeout: 20_000 });

      // The offer reaches the worker's phone (it asks every few seconds); they accept and do the job.
      const offer = worker.locator('.worker-offer', { hasText: '家政保洁上门' }).first();
      await offer.waitFor({ timeout: 30_000 });
      expect(await offer.innerText()).toContain('蜀山区肥西路 3 号院 5 栋 201');
      await offer.locator('.worker-offer__accept').first().tap();
      // Tomorrow's visit: 出发 waits for the service day (h5-worker-day covers that); here the day comes at once.
      await worker.locator('.worker-job__set-out-later').first().waitFor({ timeout: 20_000 });
      const token = await demoLogin(api.baseUrl, stableId('account', 'resident-wang'));
      const listed = (await (await fetch(`${api.baseUrl}/api/home-orders`, { headers: { authorization: `Bearer ${token}` } })).json()).items;
      await serviceDayHasCome(harness, listed.find((candidate: { status: string }) => candidate.status === 'accepted').id);
      await worker.reload();
      await worker.locator('.worker-job__set-out').first().tap({ timeout: 20_000 });
      await worker.locator('.worker-set-out .confirm-dialog__confirm').first().tap({ timeout: 20_000 });
      await worker.locator('.worker-job__start').first().tap({ timeout: 20_000 });
      // A photo of the work, through the browser's file picker (WeChat opens the camera or the album here).
      const [chooser] = await Promise.all([worker.waitForEvent('filechooser'), worker.locator('.worker-photos__add').first().tap({ timeout: 20_000 })]);
      await chooser.setFiles({ name: 'kitchen.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
      await worker.locator('.worker-photos .order-photos__thumb').first().waitFor({ timeout: 20_000 });
      await worker.locator('.worker-job__complete').first().tap({ timeout: 20_000 });
      await worker.locator('.worker-job__note textarea').first().fill('厨房、卫生间已打扫干净');
      await worker.locator('.worker-job__complete-confirm').first().tap();

      // The resident's order page follows by itself (no reload): confirm, then rate five stars.
      await resident.getByText('服务完成待确认').first().waitFor({ timeout: 30_000 });
      expect(await resident.locator('.home-order').first().innerText()).toContain('赵师傅');
      // The worker's photo shows on the resident's page, loaded through its signed path.
      const thumbnail = resident.locator('.order-photos__thumb img, img.order-photos__thumb').first();
      await thumbnail.waitFor({ timeout: 20_000 });
      await resident.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 1, await thumbnail.elementHandle(), {
        timeout: 20_000,
      });
      await resident.locator('.home-order__confirm').first().tap();
      await resident.getByText('已完成').first().waitFor({ timeout: 20_000 });
      await resident.locator('.home-order__rate').first().tap();
      await resident.locator('.home-stars__star').nth(4).tap();
      await resident.locator('.home-order__comment textarea').first().fill('师傅很细心');
      await resident.locator('.home-order__rate-confirm').first().tap();
      await resident.getByText('师傅很细心').first().waitFor({ timeout: 20_000 });

      // What the API now holds: confirmed, rated 5, and the whole story in the timeline.
      const orders = (await (await fetch(`${api.baseUrl}/api/home-orders`, { headers: { authorization: `Bearer ${token}` } })).json()).items;
      const order = orders.find((candidate: { service: { name: string } }) => candidate.service.name === '家政保洁上门');
      expect(order).toMatchObject({ status: 'confirmed', rating: { score: 5, comment: '师傅很细心' }, worker: { name: '赵师傅' } });
      expect(order.photos).toHaveLength(1);
      const detail = await (await fetch(`${api.baseUrl}/api/home-orders/${order.id}`, { headers: { authorization: `Bearer ${token}` } })).json();
      expect(detail.timeline.map((entry: { event: string }) => entry.event)).toEqual(['offer', 'accept', 'set_out', 'start', 'complete', 'confirm']);
    },
    120_000,
  );
});
