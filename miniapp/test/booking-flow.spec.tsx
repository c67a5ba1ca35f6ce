import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { addDays, instantOf } from '@linli/shared';

import { BookPage } from '../src/pages/book';
import { OrdersPage } from '../src/pages/orders';
import { ServicePage } from '../src/pages/service';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { TODAY, bookingRoutes, createFakeBookings, slotOf } from './support/fake-bookings';
import { catalogueFixture, centresFixture, dayCareService, homeCareService, mediationDetail, serviceDetailOf } from './support/fixtures';
import { answer } from './support/fixture-server';
import { findAll } from './support/interact';
import { profileOf, residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { navigations, phoneStub, routeParams } from './support/taro-h5';

import type { FakeApi } from './support/fake-api';
import type { FakeBookings } from './support/fake-bookings';
import { fakeClockOnly } from './support/fake-timers';

const serveRoutes = servePerTest();

const son = { ...profileOf({ id: 'member-li', name: '李建国', hasOwnAccount: false }), relation: '子女' as const };

async function serve(api: FakeApi, fake: FakeBookings) {
  return serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, fake) });
}

function signedInWithSon(): { api: FakeApi; fake: FakeBookings } {
  const api = createFakeApi({ members: [son] });
  signInTo(api);
  const fake = createFakeBookings(mediationDetail, { people: { 'resident-wang': '王秀英', 'member-li': '李建国' } });
  return { api, fake };
}

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

/** Taps through the booking steps with the first of each choice (the person and centre steps only when there are some). */
async function bookFirstOfEach(container: HTMLElement, steps = ['.booking-person', '.booking-centre', '.slot-option']): Promise<void> {
  for (const step of steps) click((await findAll(container, step))[0]);
  click(container.querySelector('.booking-confirm'));
}

describe('booking a service (BookPage)', () => {
  it('for whom first (a household member), centre, date, slot, confirm; a retry after a lost answer reuses the Idempotency-Key', async () => {
    const { api, fake } = signedInWithSon();
    fake.next.book = 'drop';
    await serve(api, fake);
    // jsdom reports the dropped connection on the console; that is the point of this test.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    routeParams.id = 'svc-mediation';
    const { container } = render(<BookPage />);

    // With a household, 为谁预约 comes first and nobody is chosen for the resident: centres and times wait for it.
    const people = await findAll(container, '.booking-person');
    expect(people.map((node) => node.textContent)).toEqual(['本人王秀英', '子女李建国']);
    expect(container.querySelector('.booking-person--selected')).toBeNull();
    expect(container.querySelector('.booking-centre')).toBeNull();
    expect(container.querySelector('.slot-picker')).toBeNull();
    click(people[1]);

    const centres = await findAll(container, '.booking-centre');
    expect(centres.map((node) => node.textContent)).toEqual([expect.stringContaining('阳光社区市民中心'), expect.stringContaining('和平社区市民中心')]);
    click(centres[0]);

    // The first date with free seats is open; the other is one tap away.
    const dates = await findAll(container, '.slot-date');
    expect(dates).toHaveLength(2);
    expect(dates[0].textContent).toContain('明天');
    let slots = await findAll(container, '.slot-option');
    expect(slots.map((node) => node.textContent)).toEqual(['09:00–09:30剩余 2 位', '09:30–10:00已约满']);
    expect(container.querySelectorAll('.slot-waitlist')).toHaveLength(1);
    click(dates[1]);
    await waitFor(() => expect(container.querySelector('.slot-option')?.textContent).toContain('14:00–14:30'));
    click(dates[0]);
    slots = await findAll(container, '.slot-option');
    click(slots[0]);

    // The confirm step reads it back in one sentence, names the person, and what to bring is worded for the one who will come.
    const confirm = (await findAll(container, '.booking-confirm-step'))[0];
    expect(confirm.querySelector('.read-back__sentence')?.textContent).toMatch(/^将为 李建国 预约 明天\d+月\d+日（周.）上午9:00 在 阳光社区市民中心 的 人民调解$/);
    expect(confirm.querySelector('.booking-summary__person')?.textContent).toBe('预约人：李建国（子女）');
    expect(confirm.textContent).toContain('请李建国带上1. 本人身份证2. 与纠纷有关的材料（如有）');
    expect(confirm.textContent).not.toContain('请带上');
    expect(confirm.textContent).toContain('提交后需工作人员确认');

    click(container.querySelector('.booking-confirm'));
    await screen.findByText('网络不稳定，没有收到结果。请再点一次，不会重复预约。');
    click(container.querySelector('.booking-confirm'));
    quiet.mockRestore();

    const success = (await findAll(container, '.booking-success'))[0];
    for (const expected of ['已提交，等待确认', '人民调解', '阳光社区市民中心', '东湖路 88 号', '09:00–09:30', '预约人：李建国', '状态：待审核', '需工作人员确认']) {
      expect(success.textContent).toContain(expected);
    }
    expect(fake.bookingPosts).toHaveLength(2);
    const [first, retry] = fake.bookingPosts;
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(retry.key).toBe(first.key);
    expect(first.body).toEqual({
      centreId: 'centre-yangguang',
      serviceId: 'svc-mediation',
      startsAt: fake.slots[0].startsAt,
      residentId: 'member-li',
    });
    expect(fake.bookings).toHaveLength(1);

    click(screen.getByText('查看我的订单'));
    expect(navigations).toEqual([{ kind: 'switchTab', url: '/pages/orders/index' }]);
  });

  it('for oneself: the own community’s centre and the first free day are chosen in advance, so a time is the one tap to the read-back; 返回修改 keeps them; 联系社区 dials that centre', async () => {
    const api = createFakeApi({ account: residentAccount({ regionId: 'c-yangguang' }) });
    signInTo(api);
    const fake = createFakeBookings(mediationDetail, { people: { 'resident-wang': '王秀英' } });
    await serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, fake), '/centres': answer({ items: centresFixture }) });
    routeParams.id = 'svc-mediation';
    const { container } = render(<BookPage />);

    // 王秀英 lives in 阳光社区: its centre is chosen, the date strip opens on the first free day, the times are listed.
    const slots = await findAll(container, '.slot-option');
    expect(container.querySelector('.booking-centre--selected')?.textContent).toContain('阳光社区市民中心');
    expect(container.querySelector('.slot-date--selected')?.textContent).toContain('明天');
    const call = await findAll(container, '.contact-community__call');
    expect(container.querySelector('.contact-community__line')?.textContent).toBe('阳光社区市民中心：027-8888-0001');
    click(call[0]);
    expect(phoneStub.dialled).toEqual(['027-8888-0001']);

    click(slots[0]);
    const confirm = (await findAll(container, '.booking-confirm-step'))[0];
    expect(confirm.querySelector('.read-back__sentence')?.textContent).toMatch(/^将为 王秀英 预约 明天\d+月\d+日（周.）上午9:00 在 阳光社区市民中心 的 人民调解$/);
    // The read-back is a screen of its own: no choices above it, one 确认预约 and 返回修改.
    expect(container.querySelector('.booking-centre')).toBeNull();
    expect(container.querySelector('.slot-picker')).toBeNull();
    expect([...confirm.querySelectorAll('.read-back__actions .nut-button')].map((node) => node.textContent)).toEqual(['确认预约', '返回修改']);
    // jsdom has no speech synthesis: no 朗读 (never a button that does nothing).
    expect(container.querySelector('.read-aloud')).toBeNull();
    expect(fake.bookingPosts).toHaveLength(0);

    click(screen.getByText('返回修改'));
    await findAll(container, '.slot-option');
    expect(container.querySelector('.booking-centre--selected')?.textContent).toContain('阳光社区市民中心');
    expect(fake.bookingPosts).toHaveLength(0);
  });

  it('opened from a centre’s page (…&centre=…), starts with that centre chosen', async () => {
    const { api, fake } = signedInWithSon();
    await serve(api, fake);
    routeParams.id = 'svc-mediation';
    routeParams.centre = 'centre-heping';
    try {
      const { container } = render(<BookPage />);
      click((await findAll(container, '.booking-person'))[1]);
      const chosen = await findAll(container, '.booking-centre--selected');
      expect(chosen.map((node) => node.textContent)).toEqual([expect.stringContaining('和平社区市民中心')]);
    } finally {
      delete routeParams.centre;
    }
  });

  it('a confirmed booking shows its check-in QR right on the success screen', async () => {
    const api = createFakeApi({ members: [son] });
    signInTo(api);
    const fake = createFakeBookings({ ...mediationDetail, needsReview: false }, { people: { 'resident-wang': '王秀英' } });
    await serve(api, fake);
    routeParams.id = 'svc-mediation';
    const { container } = render(<BookPage />);

    await bookFirstOfEach(container);
    const success = (await findAll(container, '.booking-success'))[0];
    expect(success.textContent).toContain('预约成功');
    const code = (await findAll(success, '.check-in-code__short'))[0];
    expect(code.textContent).toBe('482 915');
    expect(success.querySelector('.check-in-code__qr')).toBeTruthy();
    expect(success.textContent).toContain('到中心后出示此码');
    expect(api.calls.some((call) => /^GET \/bookings\/[^/]+\/check-in-code$/.test(call))).toBe(true);
  });

  it('a new confirm screen gets a new key', async () => {
    const { api, fake } = signedInWithSon();
    fake.next.book = { status: 409, code: 'ALREADY_BOOKED' };
    await serve(api, fake);
    routeParams.id = 'svc-mediation';
    const { container } = render(<BookPage />);

    await bookFirstOfEach(container);
    await screen.findByText('这位居民已经预约了这个时段，不用重复预约，可以在“订单”里查看。');

    click(screen.getByText('返回修改'));
    await bookFirstOfEach(container, ['.slot-option']);
    await findAll(container, '.booking-success');
    expect(fake.bookingPosts[1].key).not.toBe(fake.bookingPosts[0].key);
  });

  it('SLOT_FULL on confirm offers 加入候补; the place then shows in 订单 with its position', async () => {
    const { api, fake } = signedInWithSon();
    fake.next.book = { status: 409, code: 'SLOT_FULL' };
    await serve(api, fake);
    routeParams.id = 'svc-mediation';
    const page = render(<BookPage />);
    const { container } = page;

    await bookFirstOfEach(container);
    await screen.findByText('这个时段已经约满了。您可以加入候补：有人取消时，按排队顺序为您补上。');

    click(container.querySelector('.booking-join-waitlist'));
    await screen.findByText('确认加入候补');
    click(container.querySelector('.booking-confirm'));
    const success = (await findAll(container, '.waitlist-success'))[0];
    expect(success.textContent).toContain('排在第 1 位');
    expect(fake.waitlist).toHaveLength(1);
    page.unmount();

    const orders = render(<OrdersPage />);
    const entry = (await findAll(orders.container, '.waitlist-entry'))[0];
    expect(entry.textContent).toContain('人民调解');
    expect(entry.textContent).toContain('排在第 1 位');
    expect(entry.textContent).toContain('候补人：王秀英');

    click(entry.querySelector('.waitlist-leave'));
    await waitFor(() => expect(orders.container.querySelector('.waitlist-entry')).toBeNull());
    expect(fake.waitlist[0].status).toBe('left');
  });

  it('a full slot in the picker offers 加入候补 straight away', async () => {
    const { api, fake } = signedInWithSon();
    await serve(api, fake);
    routeParams.id = 'svc-mediation';
    const { container } = render(<BookPage />);

    click((await findAll(container, '.booking-person'))[1]);
    click((await findAll(container, '.booking-centre'))[0]);
    const full = (await findAll(container, '.slot-option'))[1];
    click(full); // a full slot cannot be booked
    expect(container.querySelector('.booking-confirm-step')).toBeNull();
    click(container.querySelector('.slot-waitlist'));
    click(container.querySelector('.booking-confirm'));
    await findAll(container, '.waitlist-success');
    expect(fake.waitlist[0].person.name).toBe('李建国');
    expect(fake.waitlist[0].start).toBe('09:30');
  });

  it.each([
    [{ status: 409, code: 'NOT_ELIGIBLE', message: '该服务仅限年满 60 岁的居民预约' }, '这位居民不符合这项服务的预约条件：该服务仅限年满 60 岁的居民预约'],
    [{ status: 409, code: 'BOOKING_LIMIT_REACHED', message: '每人同时最多保留 2 个预约' }, '每人同时最多保留 2 个预约。请先完成或取消已有的预约，再来预约。'],
    [{ status: 409, code: 'SLOT_UNAVAILABLE', message: '时段不可预约' }, '这个时段已经不能预约了（可能时间已过，或中心调整了安排），请换一个时段。'],
    [{ status: 403, code: 'CONSENT_REQUIRED', message: '请先同意' }, '预约前需要先同意《隐私政策》，请到“我的”页面查看并同意。'],
    [{ status: 422, code: 'IDEMPOTENCY_KEY_REUSED', message: '重复' }, '预约信息有变化，请核对后再点一次“确认预约”。'],
  ])('shows %j inline', async (error, message) => {
    const api = createFakeApi();
    signInTo(api);
    const fake = createFakeBookings(serviceDetailOf(dayCareService, [mediationDetail.centres[0]]), { next: { book: error } });
    await serve(api, fake);
    routeParams.id = 'svc-day-care';
    const { container } = render(<BookPage />);

    // One centre: no centre step. One person (no household): nobody to ask about, the booking is for her.
    click((await findAll(container, '.slot-option'))[0]);
    expect(container.querySelector('.booking-person')).toBeNull();
    expect(container.querySelector('.booking-summary__person')?.textContent).toBe('预约人：王秀英（本人）');
    expect(container.textContent).toContain('请带上1. 本人身份证');
    click(container.querySelector('.booking-confirm'));
    expect(await screen.findByText(message)).toBeTruthy();
  });

  it('a venue booking sends the group size (a changed size gets a new key); a non-venue booking sends none', async () => {
    const councilHall = catalogueFixture[0].services.find((service) => service.mode === 'venue')!;
    const api = createFakeApi();
    signInTo(api);
    const fake = createFakeBookings(serviceDetailOf(councilHall, [mediationDetail.centres[0]]), {
      next: { book: { status: 409, code: 'SLOT_UNAVAILABLE', message: '时段不可预约' } },
    });
    const venueServer = await serve(api, fake);
    routeParams.id = councilHall.id;
    const page = render(<BookPage />);
    const { container } = page;

    click((await findAll(container, '.slot-option'))[0]);
    const stepper = (await findAll(container, '.booking-group-size'))[0];
    expect(stepper.textContent).toContain('使用人数');
    expect(stepper.querySelector('.booking-group-size__value')?.textContent).toBe('1');
    click(stepper.querySelector('.booking-group-size__minus')); // already at the minimum
    expect(stepper.querySelector('.booking-group-size__value')?.textContent).toBe('1');
    click(container.querySelector('.booking-confirm'));
    await screen.findByText('这个时段已经不能预约了（可能时间已过，或中心调整了安排），请换一个时段。');

    click(stepper.querySelector('.booking-group-size__plus'));
    click(stepper.querySelector('.booking-group-size__plus'));
    click(stepper.querySelector('.booking-group-size__minus'));
    click(stepper.querySelector('.booking-group-size__plus'));
    expect(stepper.querySelector('.booking-group-size__value')?.textContent).toBe('3');
    click(container.querySelector('.booking-confirm'));
    const success = (await findAll(container, '.booking-success'))[0];
    expect(success.textContent).toContain('人数：3');

    expect(fake.bookingPosts.map((post) => post.body.groupSize)).toEqual([1, 3]);
    expect(fake.bookingPosts[1].key).not.toBe(fake.bookingPosts[0].key);
    expect(fake.bookingPosts[1].body).toEqual({
      centreId: 'centre-yangguang',
      serviceId: councilHall.id,
      startsAt: fake.slots[0].startsAt,
      residentId: 'resident-wang',
      groupSize: 3,
    });
    page.unmount();

    const orders = render(<OrdersPage />);
    const card = (await findAll(orders.container, '.booking-card'))[0];
    expect(card.textContent).toContain('人数：3');
    orders.unmount();
    await venueServer.close();

    const other = createFakeBookings(serviceDetailOf(dayCareService, [mediationDetail.centres[0]]));
    await serve(api, other);
    routeParams.id = 'svc-day-care';
    const second = render(<BookPage />);
    click((await findAll(second.container, '.slot-option'))[0]);
    expect(second.container.querySelector('.booking-group-size')).toBeNull();
    click(second.container.querySelector('.booking-confirm'));
    const plain = (await findAll(second.container, '.booking-success'))[0];
    expect(plain.textContent).not.toContain('人数');
    expect(other.bookingPosts).toHaveLength(1);
    expect(other.bookingPosts[0].body).not.toHaveProperty('groupSize');
  });

  it("lists the person's own community's centre first (for a household member, theirs)", async () => {
    const api = createFakeApi({ account: residentAccount({ regionId: 'c-heping' }), members: [son] });
    signInTo(api);
    const fake = createFakeBookings(mediationDetail, { people: { 'resident-wang': '王秀英', 'member-li': '李建国' } });
    await serve(api, fake);
    routeParams.id = 'svc-mediation';
    const { container } = render(<BookPage />);

    const names = () => [...container.querySelectorAll('.booking-centre__name')].map((node) => node.textContent);
    click((await findAll(container, '.booking-person'))[0]);
    await findAll(container, '.booking-centre');
    expect(names()).toEqual(['和平社区市民中心', '阳光社区市民中心']);
    expect(container.querySelector('.booking-centre')?.textContent).toContain('您所在社区');

    // Her son lives in 阳光社区: booking for him, his community's centre comes first.
    click(container.querySelectorAll('.booking-person')[1]);
    await waitFor(() => expect(names()).toEqual(['阳光社区市民中心', '和平社区市民中心']));
    expect(container.querySelector('.booking-centre')?.textContent).toContain('李建国所在社区');
  });

  it('a slot whose time came while the page was open says 已开始 and cannot be picked; a full one says 已约满', async () => {
    // Only the clock is faked (10:15 today): the fixture server and the request layer keep real timers.
    fakeClockOnly(instantOf(TODAY, '10:15'));
    try {
      const api = createFakeApi();
      signInTo(api);
      const fake = createFakeBookings(serviceDetailOf(dayCareService, [mediationDetail.centres[0]]), {
        slots: [slotOf(0, '10:00', '10:30', 2), slotOf(0, '10:30', '11:00', 0), slotOf(0, '11:00', '11:30', 3)],
      });
      await serve(api, fake);
      routeParams.id = 'svc-day-care';
      const { container } = render(<BookPage />);

      const slots = await findAll(container, '.slot-option');
      expect(slots.map((node) => node.textContent)).toEqual(['10:00–10:30已开始', '10:30–11:00已约满', '11:00–11:30剩余 3 位']);
      expect(slots[0].getAttribute('aria-label')).toBe('10:00–10:30，已开始');
      expect(container.querySelectorAll('.slot-waitlist')).toHaveLength(1);
      click(slots[0]);
      expect(container.querySelector('.booking-confirm-step')).toBeNull();
      click(slots[2]);
      await findAll(container, '.booking-confirm-step');
    } finally {
      jest.useRealTimers();
    }
  });

  it('a national holiday in the window shows as a closed date that says so, 暂定 with the notice’s caveat while provisional', async () => {
    const api = createFakeApi();
    signInTo(api);
    const fake = createFakeBookings(serviceDetailOf(dayCareService, [mediationDetail.centres[0]]), {
      slots: [slotOf(1, '09:00', '09:30', 2), slotOf(3, '09:00', '09:30', 2)],
      calendar: [
        { date: addDays(TODAY, 2), kind: 'holiday', name: '元旦', source: 'provisional' },
        { date: addDays(TODAY, 4), kind: 'workday', name: '元旦调休上班', worksAs: 5, source: 'provisional' },
      ],
    });
    await serve(api, fake);
    routeParams.id = 'svc-day-care';
    const { container } = render(<BookPage />);

    const dates = await findAll(container, '.slot-date');
    expect(dates).toHaveLength(3);
    expect(dates[1].className).toContain('slot-date--disabled');
    expect(dates[1].textContent).toContain('元旦 休息（暂定）');
    expect(container.querySelector('.slot-picker__provisional')?.textContent).toContain('节假日安排以国务院通知为准');
    // A closed date cannot be chosen: the times shown stay those of the first open date.
    click(dates[1]);
    expect(container.querySelector('.slot-date--selected')).toBe(dates[0]);
  });

  it('an official holiday says 休息 without the caveat', async () => {
    const api = createFakeApi();
    signInTo(api);
    const fake = createFakeBookings(serviceDetailOf(dayCareService, [mediationDetail.centres[0]]), {
      calendar: [{ date: addDays(TODAY, 3), kind: 'holiday', name: '国庆节', source: 'official' }],
    });
    await serve(api, fake);
    routeParams.id = 'svc-day-care';
    const { container } = render(<BookPage />);

    const dates = await findAll(container, '.slot-date');
    expect(dates.map((node) => node.textContent)).toEqual([expect.stringContaining('明天'), expect.any(String), expect.stringMatching(/国庆节 休息$/)]);
    expect(container.querySelector('.slot-picker__provisional')).toBeNull();
  });

  it('asks to sign in first', async () => {
    const api = createFakeApi();
    await serve(api, createFakeBookings(mediationDetail));
    routeParams.id = 'svc-mediation';
    render(<BookPage />);

    click(await screen.findByText('去登录'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/login/index' }]);
  });
});

describe('预约 on the service page', () => {
  it('goes to login when signed out, to the booking steps when signed in', async () => {
    const api = createFakeApi();
    await serve(api, createFakeBookings(mediationDetail));
    routeParams.id = 'svc-mediation';
    const page = render(<ServicePage />);
    click((await findAll(page.container, '.book-button'))[0]);
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/login/index' }]);
    page.unmount();

    signInTo(api);
    const again = render(<ServicePage />);
    click((await findAll(again.container, '.book-button'))[0]);
    expect(navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/pages/book/index?id=svc-mediation' });
  });

  it('opens the short 上门服务 form for home services', async () => {
    const api = createFakeApi();
    signInTo(api);
    await serve(api, createFakeBookings(serviceDetailOf(homeCareService, mediationDetail.centres)));
    routeParams.id = 'svc-home-care';
    const { container } = render(<ServicePage />);
    const button = (await findAll(container, '.book-button'))[0];
    expect(button.textContent).toBe('预约上门服务');
    click(button);

    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/home-service/pages/book/index?id=svc-home-care' }]);
  });
});
