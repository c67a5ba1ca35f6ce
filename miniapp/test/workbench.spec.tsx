import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import { OFFER_POLL_MS } from '../src/provider/hooks/useOffer';
import { POSITION_REPORT_MS } from '../src/provider/hooks/useWorkerPresence';
import { windowLabel } from '../src/texts/order-messages';
import { ProviderHomePage } from '../src/provider/pages/index';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeDispatch, dispatchRoutes, orderOf, windowToday, workerProfileOf } from './support/fake-dispatch';
import { findAll, findOne, typeIntoArea } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { JPEG_FILE, TEXT_FILE } from './support/photos';
import { imageStub, locationStub, navigations, phoneStub } from './support/taro-h5';

import type { FakeApi } from './support/fake-api';
import type { FakeDispatch } from './support/fake-dispatch';
import { fakeIntervalsOnly } from './support/fake-timers';

const serveRoutes = servePerTest();

const workerAccount = residentAccount({ id: 'account-zhao', role: 'worker', displayName: '赵师傅', residentId: null, providerId: 'provider-anxin' });

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

async function openBench(fake: FakeDispatch): Promise<{ api: FakeApi; container: HTMLElement; baseUrl: string }> {
  const api = createFakeApi({ account: workerAccount });
  signInTo(api);
  const server = await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, fake) });
  const { container } = render(<ProviderHomePage />);
  await findOne(container, '.worker-presence');
  return { api, container, baseUrl: server.baseUrl };
}

const offerOf = (seconds: number) => ({
  id: 'offer-1',
  expiresAt: new Date(Date.now() + seconds * 1000).toISOString(),
  order: orderOf({ id: 'order-9', status: 'offered' }),
  distanceMeters: 850,
});

describe('worker workbench (provider/pages/index)', () => {
  afterEach(() => jest.useRealTimers());

  it('上线 with the position when allowed; the offer shows with a countdown; 接单 puts it under 当前订单', async () => {
    const fake = createFakeDispatch({ offer: offerOf(90) });
    locationStub.answer = { latitude: 30.55, longitude: 114.36 };
    const { container } = await openBench(fake);

    expect(screen.getByTestId('worker-online-state').textContent).toBe('已下线，不会收到派单');
    expect(container.textContent).toContain('手上订单 0/3 · 评分 4.5（4 次）');
    expect(container.querySelector('[data-testid="worker-offer"]')).toBeNull();

    click(screen.getByText('上线'));
    await waitFor(() => expect(screen.getByTestId('worker-online-state').textContent).toBe('在线，正在等派单'));
    expect(fake.writes[0]).toEqual({ call: 'PUT /worker/presence', body: { online: true, latitude: 30.55, longitude: 114.36 } });

    const offer = await findOne(container, '[data-testid="worker-offer"]');
    expect(offer.textContent).toMatch(/请在 1分(2\d|30)秒 内答复/);
    for (const expected of ['居家养老上门服务', '地址：东湖路 88 号 3 栋 201', '距离：约 850 米', '需要：打扫卫生']) expect(offer.textContent).toContain(expected);

    click(screen.getByText('接单'));
    await waitFor(() => expect(container.querySelector('[data-testid="worker-offer"]')).toBeNull());
    expect(await screen.findByText('接单成功，请按时上门')).toBeTruthy();
    expect(fake.writes.at(-1)?.call).toBe('POST /worker/offers/offer-1/accept');
    const job = await findOne(container, '.order-card');
    expect(job.textContent).toContain('已接单');
    // Tomorrow's visit: not 出发 yet, but when it will be.
    expect(job.querySelector('.worker-job__set-out')).toBeNull();
    expect(job.querySelector('.worker-job__set-out-later')?.textContent).toBe('服务当天 07:00 后可出发');
  });

  it('拒单 asks for a reason from 距离太远/时间冲突/技能不符/其他', async () => {
    const fake = createFakeDispatch({ offer: offerOf(60), worker: workerProfileOf({ online: true }) });
    await openBench(fake);

    click(await screen.findByText('拒单'));
    for (const reason of ['距离太远', '时间冲突', '技能不符', '其他']) expect(screen.getByText(reason)).toBeTruthy();
    click(screen.getByText('确定拒单'));
    expect(await screen.findByText('请先选一个原因')).toBeTruthy();
    click(screen.getByText('距离太远'));
    click(screen.getByText('确定拒单'));
    expect(await screen.findByText('已拒单')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({ call: 'POST /worker/offers/offer-1/reject', body: { reason: '距离太远' } });
  });

  it('a job: 导航 opens the map at the order; 出发, 开始服务, 完成服务 with a note; then it leaves 当前订单', async () => {
    const fake = createFakeDispatch({ worker: workerProfileOf({ online: true }), orders: [orderOf({ id: 'order-5', status: 'accepted', ...windowToday() })] });
    const { container } = await openBench(fake);

    // In a browser (no WeChat map), 导航 opens the web map at the order's GCJ-02 position.
    const openTab = jest.spyOn(window, 'open').mockReturnValue({ opener: window } as unknown as Window);
    click(await screen.findByText('导航'));
    expect(openTab).toHaveBeenCalledWith(
      `https://uri.amap.com/marker?position=114.3612,30.5468&name=${encodeURIComponent('居家养老上门服务')}&src=linli&coordinate=gaode&callnative=0`,
      '_blank',
    );
    openTab.mockRestore();

    click(screen.getByText('出发'));
    click(await screen.findByText('确认出发'));
    click(await screen.findByText('开始服务'));
    click(await screen.findByText('完成服务'));
    click(await screen.findByText('确认完成服务'));
    expect(await screen.findByText('请写一下做了哪些服务（至少 2 个字）')).toBeTruthy();
    await typeIntoArea(container, '.worker-job__note', '打扫客厅和厨房');
    click(screen.getByText('确认完成服务'));

    expect(await screen.findByText('服务已完成，等待居民确认。还可以在“历史”里上传照片')).toBeTruthy();
    expect(fake.writes.map((write) => write.call)).toEqual(['POST /worker/orders/order-5/set-out', 'POST /worker/orders/order-5/start', 'POST /worker/orders/order-5/complete']);
    expect(fake.writes.at(-1)?.body).toEqual({ note: '打扫客厅和厨房' });
    expect(await screen.findByText('手上没有订单')).toBeTruthy();

    click(container.querySelector('.worker-tab--history'));
    const past = await findOne(container, '.order-card');
    expect(past.textContent).toContain('服务完成待确认');
  });

  it('出发 only on the service day, after a question naming the address and time; 还没出发 sends nothing', async () => {
    const tomorrow = orderOf({ id: 'order-7', status: 'accepted' });
    const today = orderOf({ id: 'order-8', status: 'accepted', address: '中南路 12 号', person: { id: 'resident-li', name: '李建国' }, ...windowToday() });
    const fake = createFakeDispatch({ worker: workerProfileOf({ online: true }), orders: [tomorrow, today] });
    const { container } = await openBench(fake);

    const [early, due] = await findAll(container, '.order-card');
    expect(early.querySelector('.worker-job__set-out')).toBeNull();
    expect(early.textContent).toContain('服务当天 07:00 后可出发');
    expect(due.querySelector('.worker-job__set-out-later')).toBeNull();

    click(due.querySelector('.worker-job__set-out'));
    const question = await findOne(container, '.worker-set-out');
    const when = `时间：${windowLabel(today.windowStartsAt, today.windowEndsAt)}`;
    for (const expected of ['现在出发去这一单？', '居家养老上门服务（李建国）', '地址：中南路 12 号', when, '确认后，居民会看到“服务人员已出发”。'])
      expect(question.textContent).toContain(expected);
    click(question.querySelector('.confirm-dialog__cancel'));
    await waitFor(() => expect(container.querySelector('.worker-set-out')).toBeNull());
    expect(fake.writes).toEqual([]);

    click(due.querySelector('.worker-job__set-out'));
    click((await findOne(container, '.worker-set-out')).querySelector('.confirm-dialog__confirm'));
    expect(await screen.findByText('已出发，居民能看到您在路上')).toBeTruthy();
    expect(fake.writes.map((write) => write.call)).toEqual(['POST /worker/orders/order-8/set-out']);
    await waitFor(() => expect(container.querySelectorAll('.worker-job__start')).toHaveLength(1));
  });

  it('a phone whose clock runs ahead is told by the API when it may set out', async () => {
    const fake = createFakeDispatch({ worker: workerProfileOf({ online: true }), orders: [orderOf({ id: 'order-8', status: 'accepted', ...windowToday() })] });
    fake.next['set-out'] = { status: 409, code: 'SET_OUT_TOO_EARLY', message: '服务当天 07:00 后可出发', details: { opensAt: '2026-11-27T23:00:00.000Z' } };
    const { container } = await openBench(fake);

    click(await findOne(container, '.worker-job__set-out'));
    click((await findOne(container, '.worker-set-out')).querySelector('.confirm-dialog__confirm'));
    expect(await screen.findByText('服务当天 07:00 后可出发')).toBeTruthy();
    expect((await findOne(container, '.order-card')).textContent).toContain('已接单');
  });

  it('拨打居民电话: the number is asked for on the tap and dialled; a call the API refuses says why', async () => {
    const fake = createFakeDispatch({ worker: workerProfileOf({ online: true }), orders: [orderOf({ id: 'order-5', status: 'en_route', ...windowToday() })] });
    const { container } = await openBench(fake);

    const call = await findOne(container, '.worker-job__call');
    expect(call.textContent).toBe('拨打居民电话');
    click(call);
    expect(await screen.findByText('正在拨打 13805510001，没有自动拨出时请用手机拨这个号码')).toBeTruthy();
    expect(phoneStub.dialled).toEqual(['13805510001']);
    expect(fake.writes.at(-1)?.call).toBe('POST /worker/orders/order-5/call');

    fake.next['call-resident'] = { status: 409, code: 'CALL_UNAVAILABLE', message: '订单已结束，不能再拨打电话；如有问题请联系社区工作人员' };
    click(container.querySelector('.worker-job__call'));
    expect(await screen.findByText('订单已结束，不能再拨打电话；如有问题请联系社区工作人员')).toBeTruthy();
    expect(phoneStub.dialled).toHaveLength(1);
  });

  it('抢单: a pool order taken by someone else says 已被其他服务人员接单', async () => {
    const pool = [
      orderOf({ id: 'order-a', status: 'pending_dispatch', dispatchMode: 'grab' }),
      orderOf({ id: 'order-b', status: 'pending_dispatch', dispatchMode: 'grab', address: '中南路 12 号' }),
    ];
    const fake = createFakeDispatch({ worker: workerProfileOf({ online: true }), pool });
    fake.next.grab = { status: 409, code: 'INVALID_TRANSITION', message: '订单状态不允许' };
    const { container } = await openBench(fake);

    click(container.querySelector('.worker-tab--pool'));
    const cards = await findAll(container, '.order-card');
    expect(cards).toHaveLength(2);
    click(cards[0].querySelector('.worker-pool__grab'));
    expect(await screen.findByText('已被其他服务人员接单')).toBeTruthy();

    click((await findAll(container, '.worker-pool__grab'))[1]);
    expect(await screen.findByText('抢单成功，请按时上门')).toBeTruthy();
    expect(fake.writes.at(-1)?.call).toBe('POST /worker/pool/order-b/grab');
    await waitFor(() => expect(container.querySelector('.worker-tab--jobs')?.textContent).toBe('当前订单（1）'));
  });

  it('while online with the live socket down: asks for an offer every 15 s and reports the position every 60 s (refused location: no report)', async () => {
    fakeIntervalsOnly();
    const fake = createFakeDispatch({ worker: workerProfileOf({ online: true }) });
    const { api } = await openBench(fake);
    const offerPolls = () => api.calls.filter((call) => call === 'GET /worker/offer').length;
    await waitFor(() => expect(offerPolls()).toBe(1));

    fake.offer = offerOf(30);
    act(() => void jest.advanceTimersByTime(OFFER_POLL_MS));
    expect(await screen.findByText(/请在 (2\d|30)秒 内答复/)).toBeTruthy();

    act(() => void jest.advanceTimersByTime(POSITION_REPORT_MS));
    await waitFor(() => expect(locationStub.calls.length).toBeGreaterThan(0));
    expect(fake.writes.filter((write) => write.call === 'PUT /worker/position')).toEqual([]);

    locationStub.answer = { latitude: 30.5, longitude: 114.3 };
    act(() => void jest.advanceTimersByTime(POSITION_REPORT_MS));
    await waitFor(() =>
      expect(fake.writes.filter((write) => write.call === 'PUT /worker/position')).toEqual([{ call: 'PUT /worker/position', body: { latitude: 30.5, longitude: 114.3 } }]),
    );

    click(screen.getByText('下线'));
    await waitFor(() => expect(screen.getByTestId('worker-online-state').textContent).toBe('已下线，不会收到派单'));
    const before = offerPolls();
    act(() => void jest.advanceTimersByTime(OFFER_POLL_MS * 3));
    expect(offerPolls()).toBe(before);
  });

  it('counts down from the seconds left by the server clock, not from expiresAt by the phone clock', async () => {
    // The phone's clock is 10 minutes behind the server's: by the phone, expiresAt is 11½ minutes away.
    const fake = createFakeDispatch({ worker: workerProfileOf({ online: true }), serverClockAheadMs: 600_000, offer: offerOf(600 + 90) });
    const { container } = await openBench(fake);
    expect((await findOne(container, '[data-testid="worker-offer"]')).textContent).toMatch(/请在 1分(2\d|30)秒 内答复/);
  });

  it('a phone clock minutes ahead does not make a live offer look expired', async () => {
    const fake = createFakeDispatch({ worker: workerProfileOf({ online: true }), serverClockAheadMs: -600_000, offer: offerOf(-600 + 45) });
    const { container } = await openBench(fake);
    expect((await findOne(container, '[data-testid="worker-offer"]')).textContent).toMatch(/请在 (4\d)秒 内答复/);
    expect(screen.queryByText('派单已超时，系统已转给其他服务人员')).toBeNull();
  });

  it('拍照上传 only on a job in service: the photo from the camera or album is uploaded and shown as a thumbnail', async () => {
    const fake = createFakeDispatch({
      worker: workerProfileOf({ online: true }),
      orders: [orderOf({ id: 'order-5', status: 'accepted' }), orderOf({ id: 'order-6', status: 'in_service', address: '中南路 12 号' })],
    });
    const { container, baseUrl } = await openBench(fake);

    const cards = await findAll(container, '.order-card');
    expect(cards).toHaveLength(2);
    const accepted = cards.find((card) => card.textContent?.includes('东湖路'))!;
    const serving = cards.find((card) => card.textContent?.includes('中南路'))!;
    expect(accepted.querySelector('.worker-photos__add')).toBeNull();
    expect(serving.querySelector('.worker-photos__add')?.textContent).toBe('拍照上传');
    expect(serving.querySelector('.order-photos')).toBeNull();

    // Backing out of the camera sends nothing and says nothing.
    click(serving.querySelector('.worker-photos__add'));
    await waitFor(() => expect(imageStub.calls).toHaveLength(1));
    expect(imageStub.calls[0]).toEqual({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] });

    imageStub.chosen = [JPEG_FILE];
    click(container.querySelector('.worker-photos__add'));
    expect(await screen.findByText('照片已上传')).toBeTruthy();
    expect(fake.writes.map((write) => write.call)).toEqual(['POST /worker/orders/order-6/photos']);
    const photo = fake.orders.find((order) => order.id === 'order-6')!.photos[0];
    const thumbs = await findAll(container, '.order-photos__thumb');
    expect(thumbs.map((thumb) => thumb.getAttribute('src'))).toEqual([`${baseUrl}${photo.path}`]);
    expect(container.querySelector('.order-photos__title')?.textContent).toBe('已上传的照片（1 张，点一下看大图）');
    expect(container.querySelector('.worker-photos__add')?.textContent).toBe('拍照上传（还能传 5 张）');

    click(thumbs[0]);
    expect(imageStub.previewed).toEqual([{ urls: [`${baseUrl}${photo.path}`], current: `${baseUrl}${photo.path}` }]);

    imageStub.chosen = [TEXT_FILE];
    click(container.querySelector('.worker-photos__add'));
    expect(await screen.findByText('只能上传 JPG 或 PNG 照片')).toBeTruthy();
    expect(container.querySelectorAll('.order-photos__thumb')).toHaveLength(1);

    fake.next.photo = { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '照片不能超过 2 MB' };
    imageStub.chosen = [JPEG_FILE];
    click(container.querySelector('.worker-photos__add'));
    expect(await screen.findByText('照片太大（不超过 2 MB）')).toBeTruthy();
  });

  it('a completed job under 历史 still takes photos (up to six); a confirmed one only shows them', async () => {
    const photos = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `p${index}`, path: `/order-photos/signed.p${index}` }));
    const fake = createFakeDispatch({
      worker: workerProfileOf({ online: true }),
      orders: [
        orderOf({ id: 'order-7', status: 'completed', photos: photos(2) }),
        orderOf({ id: 'order-8', status: 'completed', photos: photos(6), address: '中南路 12 号' }),
        orderOf({ id: 'order-9', status: 'confirmed', photos: photos(1), address: '武珞路 1 号' }),
      ],
    });
    const { container } = await openBench(fake);
    click(container.querySelector('.worker-tab--history'));
    const cards = await findAll(container, '.order-card');
    const card = (text: string) => cards.find((item) => item.textContent?.includes(text))!;

    expect(card('东湖路').querySelector('.worker-photos__add')?.textContent).toBe('拍照上传（还能传 4 张）');
    expect(card('东湖路').querySelectorAll('.order-photos__thumb')).toHaveLength(2);
    expect(card('中南路').querySelector('.worker-photos__add')).toBeNull();
    expect(card('中南路').textContent).toContain('已上传 6 张，不能再加了');
    expect(card('武珞路').querySelector('.worker-photos__add')).toBeNull();
    expect(card('武珞路').querySelectorAll('.order-photos__thumb')).toHaveLength(1);

    imageStub.chosen = [JPEG_FILE];
    click(card('东湖路').querySelector('.worker-photos__add'));
    expect(await screen.findByText('照片已上传')).toBeTruthy();
    await waitFor(() => expect(container.querySelector('.worker-photos__add')?.textContent).toBe('拍照上传（还能传 3 张）'));

    imageStub.chosen = 'denied';
    click(container.querySelector('.worker-photos__add'));
    expect(await screen.findByText('打不开相机或相册，请在手机设置里允许后再试')).toBeTruthy();
  });

  it('an offer whose time runs out leaves the screen and is not shown again', async () => {
    const fake = createFakeDispatch({ offer: offerOf(1.5), worker: workerProfileOf({ online: true }) });
    const { container } = await openBench(fake);

    await findOne(container, '[data-testid="worker-offer"]');
    expect(await screen.findByText('派单已超时，系统已转给其他服务人员', undefined, { timeout: 4000 })).toBeTruthy();
    expect(container.querySelector('[data-testid="worker-offer"]')).toBeNull();
  });

  it('a provider administrator gets the way to their admin page; a visitor the way to bind', async () => {
    const api = createFakeApi({ account: residentAccount({ role: 'provider_admin', residentId: null, providerId: 'provider-anxin', displayName: '钱经理' }) });
    await serveRoutes({ ...meRoutes(api) });
    const visitor = render(<ProviderHomePage />);
    expect(screen.getByText('用邀请码绑定微信')).toBeTruthy();
    visitor.unmount();

    signInTo(api);
    render(<ProviderHomePage />);
    click(screen.getByText('服务机构管理'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/provider/pages/admin/index' }]);
  });
});
