import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { OrdersPage } from '../src/pages/orders';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { bookingOf, bookingRoutes, createFakeBookings, slotOf } from './support/fake-bookings';
import { mediationDetail } from './support/fixtures';
import { findAll } from './support/interact';
import { servePerTest } from './support/serve';
import { navigations, pullDownRefresh, pullDownStops, showPage } from './support/taro-h5';

import type { FakeApi } from './support/fake-api';
import type { FakeBookings } from './support/fake-bookings';

const serveRoutes = servePerTest();

const wang = { id: 'resident-wang', name: '王秀英' };
const li = { id: 'member-li', name: '李建国' };

/** Tomorrow's confirmed booking for 王秀英, a pending one for her son in two days, and last week's completed one. */
function withBookings(): { api: FakeApi; fake: FakeBookings } {
  const api = createFakeApi();
  signInTo(api);
  const fake = createFakeBookings(mediationDetail);
  fake.bookings = [
    bookingOf(fake, slotOf(-7, '10:00', '10:30', 0), wang, 'completed', 'b-past'),
    bookingOf(fake, slotOf(2, '14:00', '14:30', 0), li, 'pending_review', 'b-son'),
    bookingOf(fake, fake.slots[0], wang, 'confirmed', 'b-tomorrow'),
  ];
  return { api, fake };
}

async function waitForCards(api: FakeApi, fake: FakeBookings, count: number) {
  await serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, fake) });
  const page = render(<OrdersPage />);
  await waitFor(() => expect(page.container.querySelectorAll('.booking-card')).toHaveLength(count));
  return page;
}

const renderOrders = (api: FakeApi, fake: FakeBookings) => waitForCards(api, fake, 3);

const cardsOf = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('.booking-card')];
/** The heading of the section a card is listed under. */
const sectionOf = (node: HTMLElement) => node.closest('.orders__section')?.querySelector('.orders__heading')?.textContent;
const card = (container: HTMLElement, id: string) =>
  cardsOf(container).find((node) => node.textContent?.includes(id === 'b-son' ? '李建国' : id === 'b-past' ? '已完成' : '已预约'))!;

describe('OrdersPage (订单 tab)', () => {
  it('lists coming bookings soonest first, then those that are over, with status and person', async () => {
    const { api, fake } = withBookings();
    const { container } = await renderOrders(api, fake);

    const headings = [...container.querySelectorAll('.orders__heading')].map((node) => node.textContent);
    expect(headings).toEqual(['即将到来', '已结束']);
    const [first, second, past] = cardsOf(container);
    expect(first.textContent).toContain('明天');
    expect(first.textContent).toContain('已预约');
    expect(first.textContent).toContain('预约人：王秀英（本人）');
    expect(first.textContent).toContain('阳光社区市民中心');
    expect(second.textContent).toContain('待审核');
    expect(second.textContent).toContain('预约人：李建国（家人）');
    expect(second.textContent).toContain('需工作人员确认');
    expect(past.textContent).toContain('已完成');
    // Only what the API allows: the past booking has no buttons; 签到码 only for the confirmed one.
    expect(past.querySelector('.booking-cancel')).toBeNull();
    expect(first.querySelector('.booking-check-in')).not.toBeNull();
    expect(second.querySelector('.booking-check-in')).toBeNull();
  });

  it('keeps a promoted waitlist place as 候补成功 with its slot, and hides places left', async () => {
    const { api, fake } = withBookings();
    const tomorrow = fake.bookings[2];
    const place = {
      service: { id: fake.service.id, name: fake.service.name },
      centre: { id: tomorrow.centre.id, name: tomorrow.centre.name },
      date: tomorrow.date,
      start: tomorrow.start,
      end: tomorrow.end,
      startsAt: tomorrow.startsAt,
      person: wang,
    };
    fake.waitlist = [
      { ...place, id: 'wait-promoted', status: 'promoted', position: null, bookingId: 'b-tomorrow' },
      { ...place, id: 'wait-left', status: 'left', position: null, bookingId: null },
    ];
    const { container } = await renderOrders(api, fake);

    const entries = await findAll(container, '.waitlist-entry');
    expect(entries).toHaveLength(1);
    expect(entries[0].textContent).toContain('候补成功，已为您预约');
    expect(entries[0].textContent).toContain(`${tomorrow.start}–${tomorrow.end}`);
    expect(entries[0].querySelector('.waitlist-leave')).toBeNull();
  });

  it('cancels after an inline confirm', async () => {
    const { api, fake } = withBookings();
    const { container } = await renderOrders(api, fake);
    const tomorrow = card(container, 'b-tomorrow');

    fireEvent.click(tomorrow.querySelector('.booking-cancel')!);
    expect(within(tomorrow).getByText('确定要取消这个预约吗？')).toBeTruthy();
    expect(tomorrow.querySelector('.booking-cancel-step .read-back__sentence')!.textContent).toMatch(/^将取消 王秀英 明天\d+月\d+日（周.）\S+ 在 \S+ 的 \S+ 预约，名额会让给别人$/);
    expect(api.calls.filter((call) => call.includes('/cancel'))).toEqual([]);
    fireEvent.click(tomorrow.querySelector('.booking-cancel-confirm')!);

    const cancelled = await waitFor(() => {
      const found = cardsOf(container).find((node) => node.textContent?.includes('已取消'));
      if (!found) throw new Error('not cancelled yet');
      return found;
    });
    expect(api.calls).toContain('POST /bookings/b-tomorrow/cancel');
    // Cancelled: listed under 已取消 (not among what is over), with nothing left to do.
    expect(sectionOf(cancelled)).toBe('已取消');
    expect(cancelled.querySelector('.booking-cancel')).toBeNull();
  });

  it('lists a cancelled booking for tomorrow under 已取消, not as past, after what is coming and what is over', async () => {
    const { api, fake } = withBookings();
    fake.bookings = [...fake.bookings, bookingOf(fake, slotOf(1, '15:00', '15:30', 0), li, 'cancelled', 'b-cancelled-tomorrow')];
    const { container } = await waitForCards(api, fake, 4);

    const headings = [...container.querySelectorAll('.orders__heading')].map((node) => node.textContent);
    expect(headings).toEqual(['即将到来', '已结束', '已取消']);
    const cancelled = cardsOf(container).find((node) => node.textContent?.includes('已取消'))!;
    expect(sectionOf(cancelled)).toBe('已取消');
    expect(cancelled.textContent).toContain('明天');
    expect(sectionOf(card(container, 'b-past'))).toBe('已结束');
    expect(sectionOf(card(container, 'b-tomorrow'))).toBe('即将到来');
  });

  it('explains CANCEL_TOO_LATE with the centre’s cut-off', async () => {
    const { api, fake } = withBookings();
    fake.next.cancel = { status: 409, code: 'CANCEL_TOO_LATE', details: { cancelCutoffMinutes: 120 } };
    const { container } = await renderOrders(api, fake);
    const tomorrow = card(container, 'b-tomorrow');

    fireEvent.click(tomorrow.querySelector('.booking-cancel')!);
    fireEvent.click(tomorrow.querySelector('.booking-cancel-confirm')!);

    expect(await within(tomorrow).findByText('开始前 2 小时内不能在线取消或改约。如有变化，请致电市民中心。')).toBeTruthy();
    expect(tomorrow.textContent).toContain('已预约');
  });

  it('moves a booking to another slot of the same centre and service (改约)', async () => {
    const { api, fake } = withBookings();
    const { container } = await renderOrders(api, fake);
    const tomorrow = card(container, 'b-tomorrow');

    fireEvent.click(tomorrow.querySelector('.booking-reschedule')!);
    const slots = await findAll(tomorrow, '.slot-option');
    expect(slots[0].textContent).toContain('当前预约的时间');
    fireEvent.click(tomorrow.querySelectorAll('.slot-date')[1]);
    await waitFor(() => expect(tomorrow.querySelector('.slot-option')?.textContent).toContain('14:00–14:30'));
    fireEvent.click(tomorrow.querySelector('.slot-option')!);

    await waitFor(() => expect(tomorrow.querySelector('.slot-picker')).toBeNull());
    expect(api.calls).toContain('POST /bookings/b-tomorrow/reschedule');
    expect(fake.bookings.find((booking) => booking.id === 'b-tomorrow')?.start).toBe('14:00');
  });

  it('shows the check-in code as a QR code and as text', async () => {
    const { api, fake } = withBookings();
    const { container } = await renderOrders(api, fake);
    const tomorrow = card(container, 'b-tomorrow');

    fireEvent.click(tomorrow.querySelector('.booking-check-in')!);
    const code = await waitFor(() => {
      const found = tomorrow.querySelector<HTMLElement>('.check-in-code');
      if (!found?.textContent?.includes('482 915')) throw new Error('no code yet');
      return found;
    });
    // Six digits in two groups to read out, with plain words; the QR's long text is not shown.
    expect(code.querySelector('.check-in-code__short')?.textContent).toBe('482 915');
    expect(code.textContent).toContain('扫不了时，请把这 6 位数字念给工作人员');
    expect(code.textContent).not.toContain('LL7Q2X9K');
    const image = code.querySelector('img') ?? code.querySelector('taro-image-core');
    expect(image?.getAttribute('src') ?? (image as unknown as { src?: string })?.src).toMatch(/^data:image\/gif;base64,/);
    expect(api.calls).toContain('GET /bookings/b-tomorrow/check-in-code');
  });

  it('loads again on pull-down and when the tab is shown again', async () => {
    const { api, fake } = withBookings();
    const { container } = await renderOrders(api, fake);
    const loads = () => api.calls.filter((call) => call === 'GET /bookings').length;
    expect(loads()).toBe(1);

    fake.bookings = fake.bookings.slice(0, 1);
    pullDownRefresh();
    await waitFor(() => expect(cardsOf(container)).toHaveLength(1));
    expect(pullDownStops.count).toBeGreaterThan(0);

    showPage();
    await waitFor(() => expect(loads()).toBe(3));
  });

  it('asks a signed-out visitor to sign in', async () => {
    await serveRoutes({});
    render(<OrdersPage />);
    fireEvent.click(await screen.findByText('去登录'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/login/index' }]);
  });
});
