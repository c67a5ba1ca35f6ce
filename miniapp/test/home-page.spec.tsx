import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { HomePage } from '../src/pages/home';
import { catalogueFixture, centresFixture, communitiesFixture } from './support/fixtures';
import { answer, failingOnce } from './support/fixture-server';
import { servePerTest } from './support/serve';
import { navigations } from './support/taro-h5';

import type { Handler } from './support/fixture-server';

const serve = servePerTest();

const listOf = (items: unknown[]): Handler => answer({ items });

/** The three lists the home page loads, each replaceable. */
function homeRoutes(overrides: Partial<Record<'/catalogue' | '/regions/communities' | '/centres', Handler>> = {}) {
  return {
    '/catalogue': listOf(catalogueFixture),
    '/regions/communities': listOf(communitiesFixture),
    '/centres': listOf(centresFixture),
    ...overrides,
  };
}

describe('HomePage', () => {
  it('shows the communities and centres the API returns', async () => {
    await serve(homeRoutes());
    const { container } = render(<HomePage />);

    expect(screen.getAllByText('正在加载，请稍候…')).toHaveLength(3);
    await waitFor(() => expect(container.querySelectorAll('.community-card, .centre-card')).toHaveLength(3));

    const communityCards = container.querySelectorAll('.community-card');
    expect(communityCards[1].textContent).toContain('和平社区');
    expect(communityCards[1].textContent).toContain('武昌区 · 中南街道');

    const centreCards = container.querySelectorAll('.centre-card');
    for (const text of ['阳光社区市民中心', '东湖路 88 号', '027-8888-0001', '周一至周六 8:30-17:30']) {
      expect(centreCards[0].textContent).toContain(text);
    }
  });

  it('shows the error message and loads again on 重试', async () => {
    const centres = failingOnce(listOf(centresFixture));
    await serve(homeRoutes({ '/centres': centres.handler }));
    const { container } = render(<HomePage />);

    await screen.findByText('服务暂时不可用');
    // The failing list does not hide the ones that loaded.
    await waitFor(() => expect(container.querySelectorAll('.community-card')).toHaveLength(2));
    expect(container.querySelectorAll('.category-tile')).toHaveLength(3);
    expect(container.querySelectorAll('.centre-card')).toHaveLength(0);

    fireEvent.click(screen.getByText('重试'));

    await waitFor(() => expect(container.querySelectorAll('.centre-card')).toHaveLength(1));
    expect(screen.queryByText('服务暂时不可用')).toBeNull();
    expect(centres.calls()).toBe(2);
  });

  it('says so when there is nothing to show', async () => {
    await serve({ '/catalogue': listOf([]), '/regions/communities': listOf([]), '/centres': listOf([]) });
    render(<HomePage />);

    await screen.findByText('暂时还没有服务信息');
    await screen.findByText('暂时还没有社区信息');
    await screen.findByText('暂时还没有市民中心信息');
  });

  it('shows the categories as tiles above the lists; a tap opens the category', async () => {
    await serve(homeRoutes());
    const { container } = render(<HomePage />);

    await waitFor(() => expect(container.querySelectorAll('.category-tile')).toHaveLength(3));
    const tiles = [...container.querySelectorAll('.category-tile')];
    expect(tiles.map((tile) => tile.querySelector('.category-tile__name')?.textContent)).toEqual([
      '居民自治服务',
      '特殊群体服务',
      '社会组织服务',
    ]);
    expect(tiles[1].textContent).toContain('2 项服务');
    // The tiles come first on the page, before the centres and communities.
    await waitFor(() => expect(container.querySelector('.centre-card')).not.toBeNull());
    const firstCard = container.querySelector('.centre-card')!;
    expect(tiles[2].compareDocumentPosition(firstCard) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    fireEvent.click(tiles[1]);

    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/category/index?id=cat-special-groups' }]);
  });

  it('loads the catalogue again on its own 重试 after a server error', async () => {
    const catalogue = failingOnce(listOf(catalogueFixture), 500, { code: 'INTERNAL_ERROR', message: '服务器出错了，请稍后重试' });
    await serve(homeRoutes({ '/catalogue': catalogue.handler }));
    const { container } = render(<HomePage />);

    await screen.findByText('服务器出错了，请稍后重试');
    await waitFor(() => expect(container.querySelectorAll('.community-card, .centre-card')).toHaveLength(3));

    fireEvent.click(screen.getByText('重试'));

    await waitFor(() => expect(container.querySelectorAll('.category-tile')).toHaveLength(3));
    expect(catalogue.calls()).toBe(2);
  });
});
