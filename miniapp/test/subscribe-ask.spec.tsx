import { fireEvent, render, waitFor } from '@testing-library/react';

import { BookPage } from '../src/pages/book';
import { authed, createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { bookingRoutes, createFakeBookings } from './support/fake-bookings';
import { readJson, sendJson } from './support/fixture-server';
import { mediationDetail } from './support/fixtures';
import { findAll } from './support/interact';
import { profileOf } from './support/people';
import { servePerTest } from './support/serve';
import { routeParams, subscribeStub } from './support/taro-h5';

import type { SubscribeGrantsInput, SubscribeTemplatesView } from '@linli/shared';
import type { FakeApi } from './support/fake-api';

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

async function serve(api: FakeApi, subscriptions: Subscriptions) {
  const fake = createFakeBookings({ ...mediationDetail, needsReview: false }, { people: { 'resident-wang': '王秀英' } });
  await serveRoutes({
    ...meRoutes(api),
    ...bookingRoutes(api, fake),
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
  });
  return fake;
}

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

/** The booking from the first person, centre and slot, confirmed; resolves on the success screen. */
async function bookAndConfirm(container: HTMLElement): Promise<Element> {
  for (const step of ['.booking-person', '.booking-centre', '.slot-option']) click((await findAll(container, step))[0]);
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
