import { fireEvent, render, waitFor } from '@testing-library/react';

import { subscribeTemplatesLoaded } from '../src/hooks/useSubscribeAsk';
import { MealOrderPage } from '../src/meals/pages/order';
import { BookPage } from '../src/pages/book';
import { ProviderHomePage } from '../src/provider/pages/index';
import { authed, createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { bookingRoutes, createFakeBookings } from './support/fake-bookings';
import { createFakeDispatch, dispatchRoutes } from './support/fake-dispatch';
import { createFakeMeals, mealRoutes } from './support/fake-meals';
import { readJson, sendJson } from './support/fixture-server';
import { mediationDetail } from './support/fixtures';
import { findAll, findOne } from './support/interact';
import { TOMORROW } from './support/meal-fixtures';
import { profileOf, residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { locationStub, routeParams, subscribeStub } from './support/taro-h5';

import type { SubscribeGrantsInput, SubscribeTemplatesView } from '@linli/shared';
import type { FakeApi } from './support/fake-api';
import type { Handler } from './support/fixture-server';

const serveRoutes = servePerTest();

const son = { ...profileOf({ id: 'member-li', name: '李建国', hasOwnAccount: false }), relation: '子女' as const };

const MOMENTS: SubscribeTemplatesView['moments'] = {
  after_booking: ['tmpl-booking-result', 'tmpl-booking-reminder'],
  after_home_order: [],
  after_meal_order: ['tmpl-meal-status'],
  worker_online: [],
  provider_application: [],
};

interface Subscriptions {
  /** What GET /wechat/subscribe-templates answers: the moments, or an error status. */
  templates: SubscribeTemplatesView['moments'] | number;
  /** Bodies of POST /me/subscriptions, in order. */
  reports: SubscribeGrantsInput[];
}

function subscriptionRoutes(api: FakeApi, subscriptions: Subscriptions): Record<string, Handler> {
  return {
    '/wechat/subscribe-templates': authed(api, (_state, _req, res) => {
      const { templates } = subscriptions;
      if (typeof templates === 'number') sendJson(res, templates, { code: 'INTERNAL', message: '服务器错误', requestId: 'r' });
      else sendJson(res, 200, { moments: templates });
    }),
    '/me/subscriptions': authed(api, async (_state, req, res) => {
      const body = await readJson<SubscribeGrantsInput>(req);
      subscriptions.reports.push(body);
      sendJson(res, 200, { grants: body.results.map(({ templateId, result }) => ({ templateId, remaining: result === 'accept' ? 1 : 0 })) });
    }),
  };
}

async function serve(api: FakeApi, subscriptions: Subscriptions) {
  const fake = createFakeBookings({ ...mediationDetail, needsReview: false }, { people: { 'resident-wang': '王秀英' } });
  await serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, fake), ...subscriptionRoutes(api, subscriptions) });
  return fake;
}

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

/** The booking from the first person, centre and slot, confirmed; resolves on the success screen. */
async function bookAndConfirm(container: HTMLElement): Promise<Element> {
  for (const step of ['.booking-person', '.booking-centre', '.slot-option']) click((await findAll(container, step))[0]);
  // A person's tap comes long after the screen asked for the ids; here the test waits for the answer (if any asked).
  await subscribeTemplatesLoaded();
  click(container.querySelector('.booking-confirm'));
  return (await findAll(container, '.booking-success'))[0];
}

/** Runs `body` as the weapp build would (TARO_ENV is defined by the build; the hook reads it at call time). */
async function onWeapp(body: () => Promise<void>): Promise<void> {
  process.env.TARO_ENV = 'weapp';
  try {
    await body();
  } finally {
    process.env.TARO_ENV = 'h5';
  }
}

describe('WeChat subscribe messages at 确认预约 (useSubscribeAsk)', () => {
  it('in WeChat: the confirm tap asks for the booking templates and the answers are reported', () =>
    onWeapp(async () => {
      const api = createFakeApi({ members: [son] });
      signInTo(api);
      const subscriptions: Subscriptions = { templates: MOMENTS, reports: [] };
      const fake = await serve(api, subscriptions);
      subscribeStub.answers = { 'tmpl-booking-result': 'accept', 'tmpl-booking-reminder': 'reject' };
      routeParams.id = 'svc-mediation';
      const { container } = render(<BookPage />);

      const success = await bookAndConfirm(container);
      expect(success.textContent).toContain('预约成功');
      // One dialog, in the tap, with this moment's templates only.
      expect(subscribeStub.calls).toEqual([['tmpl-booking-result', 'tmpl-booking-reminder']]);
      await waitFor(() => expect(subscriptions.reports).toHaveLength(1));
      expect(subscriptions.reports[0]).toEqual({
        results: [
          { templateId: 'tmpl-booking-result', result: 'accept' },
          { templateId: 'tmpl-booking-reminder', result: 'reject' },
        ],
      });
      expect(fake.bookings).toHaveLength(1);
      // The ids were fetched once, when the booking screen opened, not at the tap.
      expect(api.calls.filter((call) => call === 'GET /wechat/subscribe-templates')).toHaveLength(1);
      expect(api.calls.indexOf('GET /wechat/subscribe-templates')).toBeLessThan(api.calls.findIndex((call) => call.startsWith('POST /bookings')));
    }));

  it('on H5: nothing is fetched, asked or reported, and the booking goes through', async () => {
    const api = createFakeApi({ members: [son] });
    signInTo(api);
    const subscriptions: Subscriptions = { templates: MOMENTS, reports: [] };
    const fake = await serve(api, subscriptions);
    routeParams.id = 'svc-mediation';
    const { container } = render(<BookPage />);

    const success = await bookAndConfirm(container);
    expect(success.textContent).toContain('预约成功');
    expect(fake.bookings).toHaveLength(1);
    expect(subscribeStub.calls).toEqual([]);
    expect(api.calls.filter((call) => /subscri/.test(call))).toEqual([]);
  });

  it('in WeChat with no booking template configured: no dialog and no report', () =>
    onWeapp(async () => {
      const api = createFakeApi({ members: [son] });
      signInTo(api);
      const subscriptions: Subscriptions = { templates: { ...MOMENTS, after_booking: [] }, reports: [] };
      await serve(api, subscriptions);
      routeParams.id = 'svc-mediation';
      const { container } = render(<BookPage />);

      expect((await bookAndConfirm(container)).textContent).toContain('预约成功');
      expect(api.calls).toContain('GET /wechat/subscribe-templates');
      expect(subscribeStub.calls).toEqual([]);
      expect(api.calls).not.toContain('POST /me/subscriptions');
    }));

  it('in WeChat, failures are silent: the template list unavailable, or the dialog failing, leave the booking alone', () =>
    onWeapp(async () => {
      const api = createFakeApi({ members: [son] });
      signInTo(api);
      const subscriptions: Subscriptions = { templates: 500, reports: [] };
      await serve(api, subscriptions);
      routeParams.id = 'svc-mediation';
      const first = render(<BookPage />);
      const success = await bookAndConfirm(first.container);
      expect(success.textContent).toContain('预约成功');
      expect(success.textContent).not.toContain('服务器错误');
      expect(subscribeStub.calls).toEqual([]);
      first.unmount();

      // A later screen tries again; this time the dialog itself fails (subscriptions turned off in WeChat).
      subscriptions.templates = MOMENTS;
      subscribeStub.fail = true;
      const second = render(<BookPage />);
      await waitFor(() => expect(api.calls.filter((call) => call === 'GET /wechat/subscribe-templates')).toHaveLength(2));
      expect((await bookAndConfirm(second.container)).textContent).toContain('预约成功');
      expect(subscribeStub.calls).toEqual([['tmpl-booking-result', 'tmpl-booking-reminder']]);
      expect(api.calls).not.toContain('POST /me/subscriptions');
    }));
});

describe('WeChat subscribe messages at 确认订餐 and 上线', () => {
  it('确认订餐 in WeChat asks for the meal templates first, then places the order', () =>
    onWeapp(async () => {
      const father = { ...profileOf({ id: 'member-li', name: '李建国', address: '中南路 12 号', communityId: 'community-anda', hasOwnAccount: false }), relation: '父亲' as const };
      const api = createFakeApi({ members: [father], profile: profileOf() });
      signInTo(api);
      const subscriptions: Subscriptions = { templates: MOMENTS, reports: [] };
      const fake = createFakeMeals();
      await serveRoutes({ ...meRoutes(api), ...mealRoutes(api, fake), ...subscriptionRoutes(api, subscriptions) });
      subscribeStub.answers = { 'tmpl-meal-status': 'accept' };
      Object.assign(routeParams, { point: 'point-anda', date: TOMORROW, kind: 'lunch', dish: 'd-chicken', person: 'member-li' });
      const { container } = render(<MealOrderPage />);
      await findOne(container, '.meal-form__title');
      await waitFor(() => expect(api.calls).toContain('GET /wechat/subscribe-templates'));
      await subscribeTemplatesLoaded();

      click(container.querySelector('.meal-form__submit'));
      // The read-back asks nothing: the 确认 on it is the tap that asks.
      const confirm = await findOne(container, '.meal-confirm');
      expect(subscribeStub.calls).toEqual([]);
      click(confirm);
      // In the tap itself, before the order is sent.
      expect(subscribeStub.calls).toEqual([['tmpl-meal-status']]);
      expect(fake.posts).toHaveLength(0);
      expect((await findOne(container, '.meal-saved')).textContent).toContain('订餐成功');
      expect(fake.posts).toHaveLength(1);
      await waitFor(() => expect(subscriptions.reports).toEqual([{ results: [{ templateId: 'tmpl-meal-status', result: 'accept' }] }]));
    }));

  it('上线 in WeChat asks for 新订单提醒, then goes online; 下线 asks nothing', () =>
    onWeapp(async () => {
      const api = createFakeApi({ account: residentAccount({ id: 'account-zhao', role: 'worker', displayName: '赵师傅', residentId: null, providerId: 'provider-anxin' }) });
      signInTo(api);
      const subscriptions: Subscriptions = { templates: { ...MOMENTS, worker_online: ['tmpl-offer'] }, reports: [] };
      const fake = createFakeDispatch({});
      await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, fake), ...subscriptionRoutes(api, subscriptions) });
      subscribeStub.answers = { 'tmpl-offer': 'accept' };
      locationStub.answer = { latitude: 30.55, longitude: 114.36 };
      const { container, getByTestId, getByText } = render(<ProviderHomePage />);
      await findOne(container, '.worker-presence');
      await waitFor(() => expect(api.calls).toContain('GET /wechat/subscribe-templates'));
      await subscribeTemplatesLoaded();

      click(getByText('上线'));
      expect(subscribeStub.calls).toEqual([['tmpl-offer']]);
      await waitFor(() => expect(getByTestId('worker-online-state').textContent).toBe('在线，正在等派单'));
      expect(fake.writes[0]).toEqual({ call: 'PUT /worker/presence', body: { online: true, latitude: 30.55, longitude: 114.36 } });
      await waitFor(() => expect(subscriptions.reports).toEqual([{ results: [{ templateId: 'tmpl-offer', result: 'accept' }] }]));

      click(getByText('下线'));
      await waitFor(() => expect(getByTestId('worker-online-state').textContent).toBe('已下线，不会收到派单'));
      expect(subscribeStub.calls).toHaveLength(1);
    }));
});
