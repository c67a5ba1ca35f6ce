import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { StaffBookPage } from '../src/staff/pages/book';
import { StaffBookingsPage } from '../src/staff/pages/bookings';
import { StaffHomePage } from '../src/staff/pages/index';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { bookingOf, bookingRoutes, createFakeBookings, slotOf, TODAY } from './support/fake-bookings';
import { createFakeDispatch, dispatchRoutes } from './support/fake-dispatch';
import { answer } from './support/fixture-server';
import { catalogueFixture, centresFixture, homeCareService, mediationDetail, serviceDetailOf } from './support/fixtures';
import { findAll, findOne, typeInto, typeIntoArea } from './support/interact';
import { profileOf, residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import Taro, { navigations } from './support/taro-h5';

import type { FakeApi } from './support/fake-api';
import type { FakeBookings } from './support/fake-bookings';

const serveRoutes = servePerTest();

const staffAccount = residentAccount({
  id: 'account-zhang',
  role: 'staff',
  displayName: '张敏',
  regionId: 'c-yangguang',
  regionName: '阳光社区',
  residentId: null,
});

/** Signed in as staff; today 王秀英 is confirmed at 09:00 and 赵大爷 waits for review at 10:00. */
function staffDesk(): { api: FakeApi; fake: FakeBookings } {
  const api = createFakeApi({ account: staffAccount });
  signInTo(api);
  const fake = createFakeBookings(mediationDetail, { actor: 'staff' });
  fake.bookings = [
    bookingOf(fake, slotOf(0, '09:00', '09:30', 1), { id: 'resident-wang', name: '王秀英' }, 'confirmed', 'b-wang'),
    bookingOf(fake, slotOf(0, '10:00', '10:30', 1), { id: 'resident-zhao', name: '赵大爷' }, 'pending_review', 'b-zhao'),
  ];
  return { api, fake };
}

async function openDesk(api: FakeApi, fake: FakeBookings) {
  await serveRoutes({
    ...meRoutes(api),
    ...bookingRoutes(api, fake),
    '/staff/centres': answer({ items: centresFixture }),
    '/catalogue': answer({ items: catalogueFixture }),
  });
  const page = render(<StaffBookingsPage />);
  fireEvent.click(await findOne(page.container, '.staff-centre'));
  await waitFor(() => expect(page.container.querySelectorAll('.staff-booking')).toHaveLength(2));
  return page;
}

const rowOf = (container: HTMLElement, name: string) => [...container.querySelectorAll<HTMLElement>('.staff-booking')].find((row) => row.textContent?.includes(name))!;

const actionsOf = (row: HTMLElement) => [...row.querySelectorAll<HTMLElement>('.staff-booking-action')].map((button) => button.getAttribute('data-event'));

describe('StaffBookingsPage (今日预约)', () => {
  it("lists today's bookings of the chosen centre with one-tap actions; 签到 checks in", async () => {
    const { api, fake } = staffDesk();
    const { container } = await openDesk(api, fake);

    expect(fake.staffQueries[0].get('centreId')).toBe('centre-yangguang');
    expect(fake.staffQueries[0].get('date')).toBe(TODAY);
    const wang = rowOf(container, '王秀英');
    expect(wang.textContent).toContain('09:00–09:30');
    expect(wang.textContent).toContain('人民调解');
    expect(wang.textContent).toContain('已预约');
    expect(actionsOf(wang)).toEqual(['check_in', 'mark_no_show']);
    expect(actionsOf(rowOf(container, '赵大爷'))).toEqual(['approve', 'decline']);
    expect(within(rowOf(container, '赵大爷')).getByText('通过')).toBeTruthy();

    fireEvent.click(wang.querySelector('[data-event="check_in"]')!);
    await waitFor(() => expect(rowOf(container, '王秀英').textContent).toContain('已签到'));
    expect(actionsOf(rowOf(container, '王秀英'))).toEqual(['complete']);
    expect(api.calls).toContain('POST /staff/bookings/b-wang/transitions');
  });

  it('shows a refused transition inline', async () => {
    const { api, fake } = staffDesk();
    fake.next.transition = { status: 409, code: 'INVALID_TRANSITION' };
    const { container } = await openDesk(api, fake);

    fireEvent.click(rowOf(container, '赵大爷').querySelector('[data-event="approve"]')!);
    expect(await screen.findByText('这个预约的状态已经变了，请下拉刷新后再看。')).toBeTruthy();
  });

  it('checks in by the six digits the resident reads out, and says WRONG_DAY plainly', async () => {
    const { api, fake } = staffDesk();
    fake.next['check-in'] = { status: 409, code: 'WRONG_DAY', message: '不是今天的预约' };
    const { container } = await openDesk(api, fake);

    // A big number field for six digits: the phone offers its number pad, and a seventh digit does not fit.
    const input = container.querySelector<HTMLInputElement>('.staff-check-in-code input')!;
    expect(input.getAttribute('type')).toBe('number');
    expect(input.getAttribute('maxlength')).toBe('6');
    expect(screen.getByText('输入居民念出的 6 位数字')).toBeTruthy();

    await typeInto(container, '.staff-check-in-code', '482915');
    fireEvent.click(container.querySelector('.staff-check-in-submit')!);
    expect(await screen.findByText('这个预约不是今天的，今天不能签到。请核对预约日期。')).toBeTruthy();

    fireEvent.click(container.querySelector('.staff-check-in-submit')!);
    expect(await screen.findByText(/王秀英 已签到/)).toBeTruthy();
    await waitFor(() => expect(rowOf(container, '王秀英').textContent).toContain('已签到'));
    expect(fake.checkInPosts.map((post) => post.code)).toEqual(['482915', '482915']);
    // Ready for the next person.
    await waitFor(() => expect(container.querySelector<HTMLInputElement>('.staff-check-in-code input')!.value).toBe(''));
  });

  it('asks for all six digits before sending anything, and says plainly when the code is wrong', async () => {
    const { api, fake } = staffDesk();
    const { container } = await openDesk(api, fake);

    fireEvent.click(container.querySelector('.staff-check-in-submit')!);
    expect(await screen.findByText('请输入居民念出的 6 位数字')).toBeTruthy();
    await typeInto(container, '.staff-check-in-code', '4829');
    fireEvent.click(container.querySelector('.staff-check-in-submit')!);
    expect(await screen.findByText('签到码是 6 位数字，请核对后再输入')).toBeTruthy();
    expect(fake.checkInPosts).toEqual([]);

    await typeInto(container, '.staff-check-in-code', '111111');
    fireEvent.click(container.querySelector('.staff-check-in-submit')!);
    expect(await screen.findByText('签到码不对或已过期。请居民在“订单”里打开签到码，核对 6 位数字后再输入，或按姓名查找。')).toBeTruthy();
  });

  it('after too many wrong codes says how long to wait, in the API’s words', async () => {
    const { api, fake } = staffDesk();
    fake.next['check-in'] = { status: 429, code: 'RATE_LIMITED', message: '签到码输错次数太多，请 3 分钟后再输入，或按姓名查找签到', details: { retryAfterSeconds: 170 } };
    const { container } = await openDesk(api, fake);

    await typeInto(container, '.staff-check-in-code', '482915');
    fireEvent.click(container.querySelector('.staff-check-in-submit')!);
    expect(await screen.findByText('签到码输错次数太多，请 3 分钟后再输入，或按姓名查找签到')).toBeTruthy();
  });

  it('offers only the centres of the staff member’s area, from /staff/centres, and opens the only one at once', async () => {
    const { api, fake } = staffDesk();
    const everyCentre = [...centresFixture, { ...centresFixture[0], id: 'centre-heping', name: '和平社区市民中心' }];
    await serveRoutes({
      ...meRoutes(api),
      ...bookingRoutes(api, fake),
      '/staff/centres': answer({ items: centresFixture }),
      '/centres': answer({ items: everyCentre }),
      '/catalogue': answer({ items: catalogueFixture }),
    });
    const { container } = render(<StaffBookingsPage />);

    // No tap needed: 阳光社区's staff have one centre, and its bookings are listed.
    await waitFor(() => expect(container.querySelectorAll('.staff-booking')).toHaveLength(2));
    expect([...container.querySelectorAll('.staff-centre')].map((node) => node.textContent)).toEqual(['阳光社区市民中心']);
    expect(container.querySelector('.staff-centre--selected')?.textContent).toBe('阳光社区市民中心');
    expect(api.calls).not.toContain('GET /centres');
  });

  it('says a failed list in a toast, where the person is looking, not only at the foot of the page', async () => {
    const { api, fake } = staffDesk();
    const toast = jest.spyOn(Taro, 'showToast');
    try {
      fake.next['staff-list'] = { status: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' };
      await serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, fake), '/staff/centres': answer({ items: centresFixture }), '/catalogue': answer({ items: catalogueFixture }) });
      const { container } = render(<StaffBookingsPage />);
      await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务暂时不可用，请稍后再试' })));
      expect(container.querySelector('.remote-content--error')).toBeTruthy();
    } finally {
      toast.mockRestore();
    }
  });

  it('searches by name and phone tail, and changes the day', async () => {
    const { api, fake } = staffDesk();
    const { container } = await openDesk(api, fake);

    await typeInto(container, '.staff-search-name', '赵');
    await typeInto(container, '.staff-search-phone', '8000');
    fireEvent.click(container.querySelector('.staff-search')!);
    await waitFor(() => expect(container.querySelectorAll('.staff-booking')).toHaveLength(1));
    const query = fake.staffQueries.at(-1)!;
    expect([query.get('name'), query.get('phoneTail')]).toEqual(['赵', '8000']);

    fireEvent.click(container.querySelectorAll('.staff-date')[2]); // tomorrow
    await screen.findByText('这一天没有预约');
  });

  it('filters by service and status with big chips, sending them in the query', async () => {
    const { api, fake } = staffDesk();
    const { container } = await openDesk(api, fake);

    expect(fake.staffQueries[0].has('serviceId')).toBe(false);
    expect(fake.staffQueries[0].has('status')).toBe(false);
    fireEvent.click(await findOne(container, '.staff-service-choice[data-value="svc-mediation"]'));
    await waitFor(() => expect(fake.staffQueries.at(-1)!.get('serviceId')).toBe('svc-mediation'));
    fireEvent.click(container.querySelector('.staff-status-filter[data-value="pending_review"]')!);
    await waitFor(() => expect(fake.staffQueries.at(-1)!.get('status')).toBe('pending_review'));
    expect(fake.staffQueries.at(-1)!.get('serviceId')).toBe('svc-mediation');
    expect(container.querySelector('.staff-status-filter--selected')!.textContent).toBe('待审核');

    fireEvent.click(container.querySelector('.staff-status-filter[data-value=""]')!);
    await waitFor(() => expect(fake.staffQueries.at(-1)!.has('status')).toBe(false));
  });

  it('is only for staff', async () => {
    const api = createFakeApi();
    signInTo(api);
    await serveRoutes(meRoutes(api));
    render(<StaffBookingsPage />);
    expect(screen.getByText('您当前登录的不是社区工作人员账号，请用工作账号重新登录。')).toBeTruthy();
  });
});

describe('StaffBookPage (代居民预约)', () => {
  it('finds the resident, picks a service and a slot, and books for them', async () => {
    const { api, fake } = staffDesk();
    fake.residents = [profileOf({ id: 'resident-zhao', name: '赵大爷', phoneMasked: '139****1234' })];
    fake.people['resident-zhao'] = '赵大爷';
    await serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, fake), '/catalogue': answer({ items: catalogueFixture }) });
    const { container } = render(<StaffBookPage />);

    await typeInto(container, '.staff-resident-name', '赵');
    fireEvent.click(container.querySelector('.staff-resident-search')!);
    const resident = await findOne(container, '.staff-resident');
    expect(resident.textContent).toContain('139****1234');
    fireEvent.click(resident);

    const services = await findAll(container, '.staff-service');
    // Home services are listed too, marked as such (they open the home form, not the slot picker).
    expect(services.map((node) => node.textContent)).toEqual(['议事厅预约', '人民调解', '老年日间照料', '居家养老上门服务上门服务']);
    fireEvent.click(services[1]);

    fireEvent.click(await findOne(container, '.booking-centre'));
    fireEvent.click(await findOne(container, '.slot-option'));
    expect(container.querySelector('.booking-summary__person')?.textContent).toBe('预约人：赵大爷（居民）');
    expect(container.textContent).toContain('请赵大爷带上');
    fireEvent.click(container.querySelector('.booking-confirm')!);

    const success = await findOne(container, '.booking-success');
    expect(success.textContent).toContain('预约人：赵大爷');
    expect(fake.bookingPosts[0].body.residentId).toBe('resident-zhao');

    fireEvent.click(screen.getByText('查看今日预约'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/staff/pages/bookings/index' }]);
  });

  it('asks for a home visit for the resident with the short home form (address prefilled), one key per form, then opens the order desk', async () => {
    const { api } = staffDesk();
    const homeCare = serviceDetailOf(homeCareService, [mediationDetail.centres[0]]);
    const fake = createFakeBookings(homeCare, { actor: 'staff' });
    fake.residents = [profileOf({ id: 'resident-zhao', name: '赵大爷', phoneMasked: null, address: '东湖路 90 号 2 栋 101' })];
    const dispatch = createFakeDispatch();
    dispatch.next.create = { status: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' };
    await serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, fake), ...dispatchRoutes(api, dispatch), '/catalogue': answer({ items: catalogueFixture }) });
    const { container } = render(<StaffBookPage />);

    await typeInto(container, '.staff-resident-name', '赵');
    fireEvent.click(container.querySelector('.staff-resident-search')!);
    fireEvent.click(await findOne(container, '.staff-resident'));

    const home = await findOne(container, '.staff-service--home');
    expect(home.textContent).toBe('居家养老上门服务上门服务');
    fireEvent.click(home);

    // One centre, the chosen resident already selected, the address on the resident's record filled in.
    await findOne(container, '.home-form');
    expect(container.querySelectorAll('.home-centre')).toHaveLength(0);
    expect(container.querySelector('.home-person--selected')?.textContent).toContain('赵大爷');
    await waitFor(() => expect(container.querySelector<HTMLInputElement>('.home-form__address input')?.value).toBe('东湖路 90 号 2 栋 101'));
    fireEvent.click(container.querySelectorAll('.home-date')[1]);
    fireEvent.click(container.querySelectorAll('.home-window')[0]);
    await typeIntoArea(container, '.home-form__description', '帮忙打扫卫生');

    // The first answer is lost: the retry sends the same Idempotency-Key, so the server can never make two orders.
    fireEvent.click(screen.getByText('提交预约'));
    fireEvent.click(await screen.findByText('确认预约'));
    await waitFor(() => expect(dispatch.homeOrderKeys).toHaveLength(1));
    expect(await screen.findByText('确认预约')).toBeTruthy();
    await waitFor(() => expect(container.querySelector('.home-form__message')).toBeTruthy());
    fireEvent.click(screen.getByText('确认预约'));
    await waitFor(() => expect(navigations).toHaveLength(1));

    expect(dispatch.homeOrderKeys).toHaveLength(2);
    expect(dispatch.homeOrderKeys[0]).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(dispatch.homeOrderKeys[1]).toBe(dispatch.homeOrderKeys[0]);
    expect(dispatch.orders).toHaveLength(1);
    const created = dispatch.orders[0];
    expect(created.person?.id).toBe('resident-zhao');
    expect(dispatch.writes.at(-1)?.body).toMatchObject({
      centreId: 'centre-yangguang',
      serviceId: 'svc-home-care',
      residentId: 'resident-zhao',
      address: '东湖路 90 号 2 栋 101',
      description: '帮忙打扫卫生',
    });
    expect(navigations).toEqual([{ kind: 'redirectTo', url: `/staff/pages/dispatch-order/index?id=${created.id}` }]);
  });
});

describe('StaffHomePage', () => {
  it('links staff to 今日预约 and 代居民预约', async () => {
    const api = createFakeApi({ account: staffAccount });
    signInTo(api);
    await serveRoutes(meRoutes(api));
    const { container } = render(<StaffHomePage />);

    fireEvent.click(container.querySelector('.staff-home__bookings')!);
    fireEvent.click(container.querySelector('.staff-home__book')!);
    expect(navigations.map((item) => item.url)).toEqual(['/staff/pages/bookings/index', '/staff/pages/book/index']);
  });
});
