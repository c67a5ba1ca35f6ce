import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { HomePage } from '../src/pages/home';
import { centresFixture, communitiesFixture } from './support/fixtures';
import { sendJson } from './support/fixture-server';
import { servePerTest } from './support/serve';

import type { Handler } from './support/fixture-server';

const serve = servePerTest();

const listOf =
  (items: unknown[]): Handler =>
  (_req, res) =>
    sendJson(res, 200, { items });

describe('HomePage', () => {
  it('shows the communities and centres the API returns', async () => {
    await serve({ '/regions/communities': listOf(communitiesFixture), '/centres': listOf(centresFixture) });
    const { container } = render(<HomePage />);

    expect(screen.getAllByText('正在加载，请稍候…')).toHaveLength(2);
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
    let centreCalls = 0;
    await serve({
      '/regions/communities': listOf(communitiesFixture),
      '/centres': (req, res) => {
        centreCalls += 1;
        if (centreCalls === 1) sendJson(res, 503, { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' });
        else listOf(centresFixture)(req, res);
      },
    });
    const { container } = render(<HomePage />);

    await screen.findByText('服务暂时不可用');
    // The failing list does not hide the one that loaded.
    await waitFor(() => expect(container.querySelectorAll('.community-card')).toHaveLength(2));
    expect(container.querySelectorAll('.centre-card')).toHaveLength(0);

    fireEvent.click(screen.getByText('重试'));

    await waitFor(() => expect(container.querySelectorAll('.centre-card')).toHaveLength(1));
    expect(screen.queryByText('服务暂时不可用')).toBeNull();
    expect(centreCalls).toBe(2);
  });

  it('says so when there is nothing to show', async () => {
    await serve({ '/regions/communities': listOf([]), '/centres': listOf([]) });
    render(<HomePage />);

    await screen.findByText('暂时还没有社区信息');
    await screen.findByText('暂时还没有市民中心信息');
  });
});
