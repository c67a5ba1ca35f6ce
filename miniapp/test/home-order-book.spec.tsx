import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { instantOf, shanghaiDateOf } from '@linli/shared';

import { HomeOrderBookPage } from '../src/home-service/pages/book';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { bookingRoutes, createFakeBookings } from './support/fake-bookings';
import { createFakeDispatch, dispatchRoutes } from './support/fake-dispatch';
import { homeCareService, mediationDetail, serviceDetailOf } from './support/fixtures';
import { findAll, typeInto, typeIntoArea } from './support/interact';
import { profileOf, residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { navigations, routeParams } from './support/taro-h5';

import type { FakeApi } from './support/fake-api';
import type { FakeDispatch } from './support/fake-dispatch';
import { fakeClockOnly } from './support/fake-timers';

const serveRoutes = servePerTest();

const son = { ...profileOf({ id: 'member-li', name: '李建国', address: '中南路 12 号 5 栋 302', hasOwnAccount: false }), relation: '子女' as const };
const homeCare = serviceDetailOf(homeCareService, mediationDetail.centres);

async function open(api: FakeApi, fake: FakeDispatch, service = homeCare) {
  await serveRoutes({ ...meRoutes(api), ...bookingRoutes(api, createFakeBookings(service)), ...dispatchRoutes(api, fake) });
  routeParams.id = service.id;
  return render(<HomeOrderBookPage />);
}

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

const inputValue = (container: HTMLElement, selector: string) => container.querySelector<HTMLInputElement>(`${selector} input`)?.value;

describe('上门服务 request form (HomeOrderBookPage)', () => {
  it('centre, 为谁预约 (address prefilled from the person), a day and 上午, what is needed; submit opens the order', async () => {
    const api = createFakeApi({ members: [son], profile: profileOf() });
    signInTo(api);
    const fake = createFakeDispatch();
    const { container } = await open(api, fake);

    const centres = await findAll(container, '.home-centre');
    expect(centres.map((node) => node.textContent)).toEqual([expect.stringContaining('阳光社区市民中心'), expect.stringContaining('和平社区市民中心')]);
    click(centres[0]);

    const people = await findAll(container, '.home-person');
    expect(people.map((node) => node.textContent)).toEqual(['本人王秀英', '子女李建国']);
    click(people[0]);
    await waitFor(() => expect(inputValue(container, '.home-form__address')).toBe('东湖路 88 号'));
    click(people[1]);
    await waitFor(() => expect(inputValue(container, '.home-form__address')).toBe('中南路 12 号 5 栋 302'));

    // Seven days of big buttons — from today, or from tomorrow once none of today's windows can still be asked for
    // (evenings, Shanghai time: the test picks 明天 by its label) — and 上午/下午/晚上 with their hours.
    const dates = await findAll(container, '.home-date');
    expect(dates).toHaveLength(7);
    click(dates.find((node) => node.textContent?.includes('明天')));
    const windows = await findAll(container, '.home-window');
    expect(windows.map((node) => node.textContent)).toEqual(['上午09:00–12:00', '下午14:00–17:00', '晚上18:00–20:00']);
    click(windows[0]);
    await typeIntoArea(container, '.home-form__description', '帮忙打扫卫生');

    // 提交预约 reads it back first: for whom, when, what, where; nothing is sent before 确认预约.
    click(screen.getByText('提交预约'));
    const step = await findAll(container, '.home-confirm-step');
    expect(step[0].querySelector('.read-back__sentence')!.textContent).toMatch(
      /^将为 李建国 预约 明天\d+月\d+日（周.）上午9:00到中午12:00 的 居家养老上门服务，上门地址：中南路 12 号 5 栋 302$/,
    );
    expect(fake.writes).toHaveLength(0);
    click(screen.getByText('确认预约'));
    await waitFor(() => expect(navigations).toHaveLength(1));

    const created = fake.orders[0];
    expect(navigations).toEqual([{ kind: 'redirectTo', url: `/home-service/pages/order/index?id=${created.id}` }]);
    const post = fake.writes.find((write) => write.call === 'POST /home-orders')!;
    const dateChosen = (post.body as { windowStartsAt: string }).windowStartsAt;
    const shanghaiDate = new Date(new Date(dateChosen).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(post.body).toEqual({
      centreId: 'centre-yangguang',
      serviceId: 'svc-home-care',
      residentId: 'member-li',
      address: '中南路 12 号 5 栋 302',
      windowStartsAt: instantOf(shanghaiDate, '09:00').toISOString(),
      windowEndsAt: instantOf(shanghaiDate, '12:00').toISOString(),
      description: '帮忙打扫卫生',
    });
    // Never the location: the resident did not pick one.
    expect(post.body).not.toHaveProperty('latitude');
  });

  it('says what is missing beside each field, and shows the API refusal inline', async () => {
    const api = createFakeApi({ profile: profileOf({ address: null }) });
    signInTo(api);
    const fake = createFakeDispatch();
    fake.next.create = { status: 400, code: 'VALIDATION_FAILED', message: '请求参数不正确', details: [{ field: 'address', message: '地址不在服务范围内' }] };
    const { container } = await open(api, fake, serviceDetailOf(homeCareService, [mediationDetail.centres[0]]));

    // One centre and one person: both chosen already; the profile has no address, so none is prefilled.
    await findAll(container, '.home-person');
    expect(container.querySelectorAll('.home-centre')).toHaveLength(0);
    expect(container.querySelector('.home-person--selected')).toBeTruthy();
    click(screen.getByText('提交预约'));

    for (const text of ['请填写上门地址（小区、楼栋、门牌号）', '请选择上门的日期和时间段', '请简单说说需要做什么（至少 2 个字）', '还有内容没填好，请看上面红字提示']) {
      expect(await screen.findByText(text)).toBeTruthy();
    }
    expect(fake.writes).toHaveLength(0);

    await typeInto(container, '.home-form__address', '东湖路 88 号 3 栋 201');
    click(container.querySelectorAll('.home-date')[1]);
    click(container.querySelectorAll('.home-window')[1]);
    await typeIntoArea(container, '.home-form__description', '量血压');
    click(screen.getByText('提交预约'));
    click(await screen.findByText('确认预约'));

    expect(await screen.findByText('地址不在服务范围内')).toBeTruthy();
    expect(screen.getByText('请求参数不正确')).toBeTruthy();
    expect(navigations).toEqual([]);
  });

  it("asks for whom before where; the person's own community's centre comes first", async () => {
    const api = createFakeApi({ members: [son], profile: profileOf({ communityId: 'c-heping', communityName: '和平社区' }) });
    signInTo(api);
    const { container } = await open(api, createFakeDispatch());

    const people = await findAll(container, '.home-person');
    const names = () => [...container.querySelectorAll('.home-centre__name')].map((node) => node.textContent);
    expect(people[0].compareDocumentPosition(container.querySelector('.home-centre')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(names()).toEqual(['和平社区市民中心', '阳光社区市民中心']);
    expect(container.querySelector('.home-centre')?.textContent).toContain('您所在社区');

    // Her son lives in 阳光社区: for him, his community's centre comes first.
    click(people[1]);
    await waitFor(() => expect(names()).toEqual(['阳光社区市民中心', '和平社区市民中心']));
    expect(container.querySelector('.home-centre')?.textContent).toContain('李建国所在社区');
  });

  describe('a window that cannot be asked for says why', () => {
    // Only the clock is faked: the fixture server and the request layer keep real timers.
    const today = shanghaiDateOf(new Date());
    afterEach(() => jest.useRealTimers());

    async function windowsAt(time: string) {
      fakeClockOnly(instantOf(today, time));
      const api = createFakeApi({ profile: profileOf() });
      signInTo(api);
      const { container } = await open(api, createFakeDispatch(), serviceDetailOf(homeCareService, [mediationDetail.centres[0]]));
      const dates = await findAll(container, '.home-date');
      expect(dates[0].textContent).toContain('今天');
      return { container, windows: [...container.querySelectorAll<HTMLElement>('.home-window')] };
    }

    it('at 08:13 today’s 上午 (09:00–12:00) needs an hour’s notice: it has not passed', async () => {
      const { container, windows } = await windowsAt('08:13');
      expect(windows.map((node) => node.textContent)).toEqual(['上午需提前 1 小时预约', '下午14:00–17:00', '晚上18:00–20:00']);
      expect(windows[0].getAttribute('aria-label')).toBe('上午 09:00到12:00，需提前 1 小时预约');
      expect(container.textContent).not.toContain('已过');
      click(windows[0]);
      expect(container.querySelector('.home-window--selected')).toBeNull();
      click(windows[1]);
      expect(container.querySelector('.home-window--selected')?.textContent).toContain('下午');
    });

    it('later in the day a window under way says 已开始 and one that is over says 已过', async () => {
      const { windows } = await windowsAt('14:30');
      expect(windows.map((node) => node.textContent)).toEqual(['上午已过', '下午已开始', '晚上18:00–20:00']);
    });
  });

  it('staff are told residents book home visits themselves', async () => {
    const api = createFakeApi({ account: residentAccount({ role: 'staff', residentId: null }) });
    signInTo(api);
    await open(api, createFakeDispatch());
    expect(await screen.findByText('上门服务请居民本人或家人在小程序里预约。')).toBeTruthy();
  });
});
