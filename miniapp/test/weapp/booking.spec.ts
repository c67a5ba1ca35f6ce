import { BOOKING_STATUS_LABELS } from '@linli/shared';

import { mediationDetail } from '../support/fixtures';
import { profileOf, residentAccount } from '../support/people';
import { launchBuiltApp, renderBuiltPage, waitUntil } from './built-app';
import { createWxStandIn } from './wx-stand-in';

// Plain data only (the built package brings its own Taro): tomorrow's and the day after's slots, Shanghai time.
const dayAfter = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const slot = (days: number, start: string, end: string, remaining: number) => ({
  date: dayAfter(days),
  start,
  end,
  startsAt: `${dayAfter(days)}T${start}:00+08:00`,
  endsAt: `${dayAfter(days)}T${end}:00+08:00`,
  capacity: 4,
  remaining,
});

const resident = residentAccount();
const booking = {
  id: 'b-1',
  status: 'confirmed',
  service: { id: 'svc-mediation', name: '人民调解', mode: 'visit' },
  centre: { id: 'centre-yangguang', name: '阳光社区市民中心', address: '东湖路 88 号' },
  ...slot(1, '09:00', '09:30', 1),
  person: { id: 'resident-wang', name: '王秀英' },
  groupSize: null,
  bookedFor: 'self',
  actions: ['cancel'],
  createdAt: new Date().toISOString(),
};

const standIn = createWxStandIn({
  '/me': { status: 200, body: resident },
  '/services/svc-mediation': { status: 200, body: mediationDetail },
  '/household/members': { status: 200, body: { items: [{ ...profileOf({ id: 'member-li', name: '李建国' }), relation: '子女' }] } },
  '/centres/centre-yangguang/services/svc-mediation/slots': {
    status: 200,
    body: { items: [slot(1, '09:00', '09:30', 2), slot(1, '09:30', '10:00', 0), slot(2, '14:00', '14:30', 3)], calendar: [] },
  },
  '/bookings': { status: 200, body: { items: [booking] } },
  '/waitlist': { status: 200, body: { items: [] } },
});

beforeAll(() => {
  launchBuiltApp(standIn, 'pages/book/index');
  (standIn.wx.setStorageSync as (key: string, value: unknown) => void)('linli.session', {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    account: resident,
  });
});

describe('built weapp booking screens', () => {
  it('book page: 为谁预约 first, then centre, then dates and slots as big buttons', async () => {
    const page = renderBuiltPage('pages/book/index', { id: 'svc-mediation' });
    await waitUntil('为谁预约', () => page.querySelectorAll('.booking-person').length > 0);
    expect(page.querySelectorAll('.booking-person').map((node) => node.dom!.textContent)).toEqual([expect.stringContaining('王秀英'), expect.stringContaining('李建国')]);
    expect(page.querySelectorAll('.booking-centre')).toHaveLength(0);
    page.querySelectorAll('.booking-person')[1].dispatchEvent('tap');
    await waitUntil('the centres', () => page.querySelectorAll('.booking-centre').length > 0);
    page.querySelectorAll('.booking-centre')[0].dispatchEvent('tap');
    await waitUntil('the slots', () => page.querySelectorAll('.slot-option').length > 0);

    expect(page.querySelectorAll('.slot-date')).toHaveLength(2);
    const slots = page.querySelectorAll('.slot-option');
    expect(slots.map((node) => node.dom!.textContent)).toEqual([expect.stringContaining('剩余 2 位'), expect.stringContaining('已约满')]);
    expect(page.querySelectorAll('.slot-waitlist')).toHaveLength(1);

    slots[0].dispatchEvent('tap');
    await waitUntil('the confirm step', () => page.querySelectorAll('.booking-confirm').length > 0);
    expect(page.querySelector('.booking-summary__person')!.dom!.textContent).toContain('李建国');
    expect(page.querySelector('.booking-confirm-step')!.dom!.textContent).toContain('请李建国带上');
    // The read-back sentence; WeChat gives a mini program no speech of its own, so no 朗读 button (never a dead one).
    expect(page.querySelector('.read-back__sentence')!.dom!.textContent).toMatch(/^将为 李建国 预约 .+ 的 人民调解$/);
    expect(page.querySelectorAll('.read-aloud')).toHaveLength(0);
  });

  it('订单 tab: a booking card with its status and actions', async () => {
    const orders = renderBuiltPage('pages/orders/index');
    await waitUntil('the booking card with its 取消 action', () => orders.querySelectorAll('.booking-cancel').length > 0);

    const [card] = orders.querySelectorAll('.booking-card');
    expect(card.dom!.textContent).toContain('人民调解');
    expect(card.dom!.textContent).toContain(BOOKING_STATUS_LABELS.confirmed);
    const cancel = orders.querySelector('.booking-cancel');
    expect(cancel).toBeTruthy();
    cancel!.dispatchEvent('tap');
    await waitUntil('the cancel confirmation', () => orders.querySelectorAll('.booking-cancel-confirm').length > 0);
    expect(orders.querySelector('.booking-cancel-confirm')).toBeTruthy();
  });
});
