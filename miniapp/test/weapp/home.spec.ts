import { catalogueFixture, centresFixture, communitiesFixture, mediationDetail } from '../support/fixtures';
import { launchBuiltApp, renderBuiltPage, waitUntil } from './built-app';
import { createWxStandIn } from './wx-stand-in';

const standIn = createWxStandIn({
  '/catalogue': { status: 200, body: { items: catalogueFixture } },
  '/services/svc-mediation': { status: 200, body: mediationDetail },
  '/regions/communities': { status: 200, body: { items: communitiesFixture } },
  '/centres': { status: 200, body: { items: centresFixture } },
});

beforeAll(() => launchBuiltApp(standIn, 'pages/home/index'));

describe('built weapp home page', () => {
  // A built page registers itself when first required, so the home page is rendered once, in this test.
  it('renders the category tiles, communities and centres from wx.request, then opens a centre and a category', async () => {
    const home = renderBuiltPage('pages/home/index');
    await waitUntil('the category tiles, communities and centres', () =>
      ['.category-tile', '.community-card', '.centre-card'].every((selector) => home.querySelectorAll(selector).length > 0),
    );

    expect(standIn.requests).toEqual(['http://127.0.0.1:3000/api/catalogue', 'http://127.0.0.1:3000/api/regions/communities', 'http://127.0.0.1:3000/api/centres']);
    const communityCards = home.querySelectorAll('.community-card');
    expect(communityCards.map((card) => card.dom!.textContent)).toEqual([expect.stringContaining('阳光社区'), expect.stringContaining('和平社区')]);

    const [centreCard] = home.querySelectorAll('.centre-card');
    expect(centreCard.dom!.textContent).toContain('阳光社区市民中心');
    centreCard.dispatchEvent('tap');
    await waitUntil('the centre page opened', () => standIn.navigations.includes('/pages/centre/index?id=centre-yangguang'));

    const tiles = home.querySelectorAll('.category-tile');
    expect(tiles.map((tile) => tile.dom!.textContent)).toEqual([
      expect.stringContaining('居民自治服务'),
      expect.stringContaining('特殊群体服务'),
      expect.stringContaining('社会组织服务'),
    ]);
    tiles[0].dispatchEvent('tap');
    await waitUntil('the category page opened', () => standIn.navigations.includes('/pages/category/index?id=cat-self-governance'));

    expect(standIn.navigations).toEqual(['/pages/centre/index?id=centre-yangguang', '/pages/category/index?id=cat-self-governance']);
  });

  it('renders the centre page the tap leads to', async () => {
    const centre = renderBuiltPage('pages/centre/index', { id: 'centre-yangguang' });
    await waitUntil('the centre details', () => centre.dom!.textContent.includes('拨打电话'));

    const text = centre.dom!.textContent;
    for (const expected of ['阳光社区市民中心', '东湖路 88 号', '027-8888-0001', '拨打电话', '在地图上查看']) {
      expect(text).toContain(expected);
    }
  });

  it('renders the category page the tile leads to, whose rows open a service', async () => {
    const category = renderBuiltPage('pages/category/index', { id: 'cat-self-governance' });
    await waitUntil('the service rows', () => category.querySelectorAll('.service-row').length > 0);
    const rows = category.querySelectorAll('.service-row');
    expect(rows.map((row) => row.dom!.textContent)).toEqual([expect.stringContaining('议事厅预约'), expect.stringContaining('需审核')]);
    rows[1].dispatchEvent('tap');
    await waitUntil('the service page opened', () => standIn.navigations.at(-1) === '/pages/service/index?id=svc-mediation');
    expect(standIn.navigations.at(-1)).toBe('/pages/service/index?id=svc-mediation');
  });

  it('renders the service page with its materials and centres; 预约 asks a signed-out visitor to log in', async () => {
    const service = renderBuiltPage('pages/service/index', { id: 'svc-mediation' });
    await waitUntil('the centres offering the service', () => service.querySelectorAll('.offering-centre').length > 0);

    expect(service.querySelector('.service-name')!.dom!.textContent).toBe('人民调解');
    const text = service.dom!.textContent;
    for (const expected of ['本人身份证', '需工作人员确认', '每周三下午调解员在岗']) expect(text).toContain(expected);
    expect(service.querySelectorAll('.offering-centre')).toHaveLength(2);

    service.querySelector('.book-button')!.dispatchEvent('tap');
    await waitUntil('the login page opened', () => standIn.navigations.at(-1) === '/pages/login/index');
    expect(standIn.navigations.at(-1)).toBe('/pages/login/index');
  });
});
