import { residentAccount } from '../support/people';
import { launchBuiltApp, renderBuiltPage, waitUntil } from './built-app';
import { createWxStandIn } from './wx-stand-in';

// Plain data only (the built package brings its own Taro and shared code).
const worker = residentAccount({ id: 'account-zhao', role: 'worker', displayName: '赵师傅', residentId: null, providerId: 'provider-anxin' });
const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
const order = (id: string, status: string) => ({
  id,
  kind: 'home_service',
  status,
  statusLabel: status,
  dispatchMode: 'assign',
  service: { id: 'svc-home-care', name: '居家养老上门服务' },
  centre: { id: 'centre-yangguang', name: '阳光社区市民中心' },
  person: { id: 'resident-wang', name: '王秀英' },
  address: '东湖路 88 号 3 栋 201',
  location: { latitude: 30.5468, longitude: 114.3612 },
  windowStartsAt: `${tomorrow}T09:00:00+08:00`,
  windowEndsAt: `${tomorrow}T12:00:00+08:00`,
  description: '打扫卫生',
  worker: status === 'offered' ? null : { id: 'worker-zhao', name: '赵师傅', providerName: '安心家政', phoneMasked: '137****0009' },
  rating: null,
  overdue: false,
  completionNote: null,
  completedAt: null,
  photos: [] as { id: string; path: string }[],
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
});

const standIn = createWxStandIn({
  '/me': { status: 200, body: worker },
  '/worker/profile': {
    status: 200,
    body: {
      id: 'worker-zhao',
      name: '赵师傅',
      providerId: 'provider-anxin',
      providerName: '安心家政',
      online: true,
      skills: [],
      areas: [],
      workingHours: [],
      maxOpenOrders: 3,
      openOrders: 1,
      ratingCount: 0,
      averageRating: null,
      setOutLeadMinutes: 120,
    },
  },
  '/worker/offer': {
    status: 200,
    // expiresAt by a phone clock 10 minutes behind the server's: only secondsLeft (server clock) gives 1分30秒.
    body: { offer: { id: 'offer-1', expiresAt: new Date(Date.now() + 690_000).toISOString(), secondsLeft: 90, order: order('order-9', 'offered'), distanceMeters: 850 } },
  },
  '/worker/pool': { status: 200, body: { items: [] } },
  '/worker/orders': { status: 200, body: { items: [order('order-5', 'accepted'), { ...order('order-6', 'in_service'), address: '中南路 12 号' }] } },
  '/worker/orders/order-6/photos': { status: 201, body: { id: 'photo-1', path: '/order-photos/signed.photo-1' } },
  '/worker/offers/offer-1/accept': { status: 200, body: order('order-9', 'accepted') },
});

beforeAll(() => {
  launchBuiltApp(standIn, 'provider/pages/index/index');
  (standIn.wx.setStorageSync as (key: string, value: unknown) => void)('linli.session', {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    account: worker,
  });
});

let shown: Awaited<ReturnType<typeof renderBuiltPage>> | undefined;

describe('built weapp worker workbench', () => {
  it('online worker: the offer with its countdown and 接单/拒单, a job with 导航 and, for tomorrow, when it may set out; 接单 moves the offer to the jobs', async () => {
    const page = renderBuiltPage('provider/pages/index/index');
    shown = page;
    await waitUntil('the offer and the jobs', () => page.querySelectorAll('.worker-offer').length > 0 && page.querySelectorAll('.order-card').length > 0);

    expect(page.querySelector('.worker-presence')!.dom!.textContent).toContain('在线，正在等派单');
    const offer = page.querySelector('.worker-offer')!.dom!.textContent;
    expect(offer).toMatch(/请在 1分(2\d|30)秒 内答复/);
    expect(offer).toContain('约 850 米');
    expect(page.querySelector('.worker-offer__accept')!.dom!.textContent).toContain('接单');
    expect(page.querySelector('.worker-offer__reject')!.dom!.textContent).toContain('拒单');

    const job = page.querySelectorAll('.order-card').find((card) => card.dom!.textContent!.includes('东湖路'))!;
    // Tomorrow's visit: when 出发 will be possible instead of the button.
    expect(job.dom!.textContent).toContain('服务当天 07:00 后可出发');
    expect(job.dom!.textContent).toContain('拨打居民电话');
    expect(job.dom!.textContent).not.toContain('拍照上传');
    page.querySelector('.worker-job__navigate')!.dispatchEvent('tap');
    await waitUntil('wx.openLocation', () => standIn.openedLocations.length > 0);
    expect(standIn.openedLocations[0]).toEqual(expect.objectContaining({ latitude: 30.5468, longitude: 114.3612, name: '居家养老上门服务', address: '东湖路 88 号 3 栋 201' }));

    page.querySelector('.worker-offer__accept')!.dispatchEvent('tap');
    await waitUntil('接单成功', () => page.dom!.textContent!.includes('接单成功'));
    expect(standIn.requests.some((url) => url.endsWith('/worker/offers/offer-1/accept'))).toBe(true);
    expect(page.dom!.textContent).toContain('接单成功，请按时上门');
  });

  // The same page (a built page renders once per file): the job in service.
  it('拍照上传 on a job in service: wx.chooseImage (camera or album, compressed), wx.uploadFile with the token, then a thumbnail', async () => {
    const page = shown!;
    await waitUntil('拍照上传 on the job in service', () => page.querySelectorAll('.worker-photos__add').length > 0);
    const buttons = page.querySelectorAll('.worker-photos__add');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].dom!.textContent).toContain('拍照上传');

    buttons[0].dispatchEvent('tap');
    await waitUntil('照片已上传', () => page.dom!.textContent!.includes('照片已上传'));
    expect(standIn.camera.calls).toEqual([expect.objectContaining({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })]);
    expect(standIn.uploads).toEqual([
      {
        url: expect.stringMatching(/\/api\/worker\/orders\/order-6\/photos$/),
        filePath: 'wxfile://tmp_photo-1.jpg',
        name: 'photo',
        header: expect.objectContaining({ Authorization: 'Bearer access-1' }),
      },
    ]);
    await waitUntil('the thumbnail', () => page.querySelectorAll('.order-photos__thumb').length > 0);
    expect(page.querySelectorAll('.order-photos__thumb')).toHaveLength(1);
    page.querySelectorAll('.order-photos__thumb')[0].dispatchEvent('tap');
    await waitUntil('wx.previewImage', () => standIn.previewed.length > 0);
    const url = expect.stringMatching(/^https?:\/\/.+\/api\/order-photos\/signed\.photo-1$/);
    expect(standIn.previewed).toEqual([expect.objectContaining({ urls: [url], current: url })]);
    expect(page.dom!.textContent).toContain('拍照上传（还能传 5 张）');
  });
});
