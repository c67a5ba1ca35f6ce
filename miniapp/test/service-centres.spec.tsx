import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { distanceMeters } from '@linli/shared';

import { formatDistance } from '../src/hooks/useCentreOrder';
import { ServicePage } from '../src/pages/service';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { answer } from './support/fixture-server';
import { mediationDetail } from './support/fixtures';
import { findAll } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { locationStub, routeParams } from './support/taro-h5';

const serve = servePerTest();

/** A resident of 和平社区: the fixture lists 阳光 first and 和平 second. */
async function openAsHepingResident() {
  const api = createFakeApi({ account: residentAccount({ regionId: 'c-heping', regionName: '和平社区' }) });
  signInTo(api);
  await serve({ ...meRoutes(api), '/services/svc-mediation': answer(mediationDetail) });
  routeParams.id = 'svc-mediation';
  const page = render(<ServicePage />);
  await findAll(page.container, '.offering-centre');
  return page;
}

const names = (container: HTMLElement) => [...container.querySelectorAll('.offering-centre .offering-centre__name')].map((node) => node.textContent);

describe('ServicePage centres', () => {
  it('puts my own community first, with a 本社区 tag', async () => {
    const { container } = await openAsHepingResident();
    await waitFor(() => expect(names(container)).toEqual(['和平社区市民中心', '阳光社区市民中心']));
    const [mine, other] = container.querySelectorAll('.offering-centre');
    expect(mine.querySelector('.offering-centre__mine')?.textContent).toBe('本社区');
    expect(other.querySelector('.offering-centre__mine')).toBeNull();
  });

  it('按距离排序 asks for a GCJ-02 location and puts the nearest first, with its distance', async () => {
    const here = { latitude: 30.546, longitude: 114.36 }; // a street away from 阳光
    locationStub.answer = here;
    const { container } = await openAsHepingResident();

    fireEvent.click(container.querySelector('.offering-centres__by-distance')!);
    await waitFor(() => expect(names(container)).toEqual(['阳光社区市民中心', '和平社区市民中心']));
    expect(locationStub.calls).toEqual([{ type: 'gcj02' }]);
    const [near, far] = mediationDetail.centres;
    const distances = [...container.querySelectorAll('.offering-centre__distance')].map((node) => node.textContent);
    expect(distances).toEqual([formatDistance(distanceMeters(here, near)), formatDistance(distanceMeters(here, far))]);
    expect(distances[1]).toMatch(/^约 \d+\.\d 公里$/);
    expect(screen.getByText('已按离您的距离排列，最近的在最前面。')).toBeTruthy();
    expect(container.querySelector('.offering-centre__mine')?.closest('.offering-centre')?.textContent).toContain('和平社区市民中心');
  });

  it('keeps the list and says so calmly when location is refused', async () => {
    const { container } = await openAsHepingResident();

    fireEvent.click(container.querySelector('.offering-centres__by-distance')!);
    expect(await screen.findByText(/没有拿到您的位置，仍按本社区优先排列/)).toBeTruthy();
    expect(names(container)).toEqual(['和平社区市民中心', '阳光社区市民中心']);
    expect(container.querySelector('.offering-centre__distance')).toBeNull();
  });
});

describe('formatDistance', () => {
  it('says metres under a kilometre and kilometres with one decimal above', () => {
    expect([formatDistance(143), formatDistance(1234), formatDistance(12_050)]).toEqual(['约 140 米', '约 1.2 公里', '约 12.1 公里']);
  });
});
