import { centresFixture, communitiesFixture } from '../support/fixtures';
import { launchBuiltApp, renderBuiltPage, settle } from './built-app';
import { createWxStandIn } from './wx-stand-in';

const standIn = createWxStandIn({
  '/regions/communities': { status: 200, body: { items: communitiesFixture } },
  '/centres': { status: 200, body: { items: centresFixture } },
});

beforeAll(() => launchBuiltApp(standIn, 'pages/home/index'));

describe('built weapp home page', () => {
  it('renders the communities and centres from wx.request, then opens a centre', async () => {
    const home = await renderBuiltPage('pages/home/index');

    expect(standIn.requests).toEqual([
      'http://127.0.0.1:3000/api/regions/communities',
      'http://127.0.0.1:3000/api/centres',
    ]);
    const communityCards = home.querySelectorAll('.community-card');
    expect(communityCards.map((card) => card.dom!.textContent)).toEqual([
      expect.stringContaining('阳光社区'),
      expect.stringContaining('和平社区'),
    ]);

    const [centreCard] = home.querySelectorAll('.centre-card');
    expect(centreCard.dom!.textContent).toContain('阳光社区市民中心');
    centreCard.dispatchEvent('tap');
    await settle();

    expect(standIn.navigations).toEqual(['/pages/centre/index?id=centre-yangguang']);
  });

  it('renders the centre page the tap leads to', async () => {
    const centre = await renderBuiltPage('pages/centre/index', { id: 'centre-yangguang' });

    const text = centre.dom!.textContent;
    for (const expected of ['阳光社区市民中心', '东湖路 88 号', '027-8888-0001', '拨打电话', '在地图上查看']) {
      expect(text).toContain(expected);
    }
  });
});
