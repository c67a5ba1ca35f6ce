import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { CentrePage } from '../src/pages/centre';
import { webMapUrl } from '../src/device/map';
import { catalogueFixture, centresFixture } from './support/fixtures';
import { answer } from './support/fixture-server';
import { servePerTest } from './support/serve';
import { navigations, routeParams } from './support/taro-h5';

const serve = servePerTest();
const centre = centresFixture[0];

/** The centre offers the self-governance and special-groups services of the fixture catalogue (no empty category). */
const offered = catalogueFixture.filter((category) => category.services.length > 0);

async function openCentrePage() {
  await serve({ '/centres': answer({ items: centresFixture }), [`/centres/${centre.id}/services`]: answer({ items: offered }) });
  routeParams.id = centre.id;
  return render(<CentrePage />);
}

const serviceCards = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('.centre-service')];

describe('CentrePage', () => {
  it('lists what the centre offers by category, each with 预约 into the booking steps and 详情', async () => {
    const { container } = await openCentrePage();

    await waitFor(() => expect(serviceCards(container)).toHaveLength(4));
    expect(screen.getByText('阳光社区市民中心')).toBeTruthy();
    expect([...container.querySelectorAll('.centre__category-name')].map((node) => node.textContent)).toEqual(['居民自治服务', '特殊群体服务']);
    const [hall, , , homeCare] = serviceCards(container);
    expect(hall.textContent).toContain('议事厅预约');
    expect(hall.textContent).toContain('场地预约');

    fireEvent.click(hall.querySelector('.centre-service__book')!);
    fireEvent.click(homeCare.querySelector('.centre-service__book')!);
    fireEvent.click(hall.querySelector('.centre-service__detail')!);
    expect(navigations).toEqual([
      // The booking screens start with this centre chosen.
      { kind: 'navigateTo', url: `/pages/book/index?id=svc-council-hall&centre=${centre.id}` },
      { kind: 'navigateTo', url: `/home-service/pages/book/index?id=svc-home-care&centre=${centre.id}` },
      { kind: 'navigateTo', url: '/pages/service/index?id=svc-council-hall' },
    ]);
  });

  it('在地图上查看 opens the web map at the centre in a browser, where WeChat’s map does not exist', async () => {
    const openTab = jest.spyOn(window, 'open').mockReturnValue({ opener: window } as unknown as Window);
    try {
      await openCentrePage();
      fireEvent.click(await screen.findByText('在地图上查看'));

      expect(openTab).toHaveBeenCalledWith(webMapUrl(centre), '_blank');
      expect(webMapUrl(centre)).toBe(
        `https://uri.amap.com/marker?position=114.3612,30.5468&name=${encodeURIComponent('阳光社区市民中心')}&src=linli&coordinate=gaode&callnative=0`,
      );
    } finally {
      openTab.mockRestore();
    }
  });

  it('says when the centre offers nothing to book', async () => {
    await serve({ '/centres': answer({ items: centresFixture }), [`/centres/${centre.id}/services`]: answer({ items: [] }) });
    routeParams.id = centre.id;
    render(<CentrePage />);

    await screen.findByText('这个市民中心暂时没有可预约的服务');
  });
});
