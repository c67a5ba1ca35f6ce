import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { HomePage } from '../src/pages/home';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { bookingOf, bookingRoutes, createFakeBookings, slotOf } from './support/fake-bookings';
import { createFakeDispatch, dispatchRoutes, orderOf } from './support/fake-dispatch';
import { catalogueFixture, centresFixture, communitiesFixture, mediationDetail } from './support/fixtures';
import { answer, failingOnce } from './support/fixture-server';
import { findAll } from './support/interact';
import { servePerTest } from './support/serve';
import { navigations, showPage } from './support/taro-h5';

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
    expect(tiles.map((tile) => tile.querySelector('.category-tile__name')?.textContent)).toEqual(['居民自治服务', '特殊群体服务', '社会组织服务']);
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

  describe('what is next for the signed-in resident, at the top', () => {
    const wang = { id: 'resident-wang', name: '王秀英' };

    /** 王秀英 signed in, with the given bookings and home orders. */
    async function signedIn(setUp: (fake: ReturnType<typeof createFakeBookings>, dispatch: ReturnType<typeof createFakeDispatch>) => void) {
      const api = createFakeApi();
      signInTo(api);
      const fake = createFakeBookings(mediationDetail);
      const dispatch = createFakeDispatch();
      setUp(fake, dispatch);
      await serve({ ...homeRoutes(), ...meRoutes(api), ...bookingRoutes(api, fake), ...dispatchRoutes(api, dispatch) });
      return { api, fake, dispatch, page: render(<HomePage />) };
    }

    it('shows the next booking with its time and place above everything else, and its check-in code one tap away', async () => {
      const { api, page } = await signedIn((fake) => {
        fake.bookings = [
          bookingOf(fake, slotOf(3, '14:00', '14:30', 0), wang, 'confirmed', 'b-later'),
          bookingOf(fake, slotOf(1, '09:00', '09:30', 0), wang, 'confirmed', 'b-next'),
          bookingOf(fake, slotOf(1, '08:00', '08:30', 0), wang, 'cancelled', 'b-cancelled'),
          bookingOf(fake, slotOf(-2, '09:00', '09:30', 0), wang, 'completed', 'b-done'),
        ];
      });
      const { container } = page;

      const [card] = await findAll(container, '.next-booking');
      expect(container.querySelectorAll('.next-booking')).toHaveLength(1);
      for (const text of ['人民调解', '明天', '09:00–09:30', '阳光社区市民中心', '东湖路 88 号', '已预约']) expect(card.textContent).toContain(text);
      // It is the first thing on the page, before the category tiles.
      await waitFor(() => expect(container.querySelector('.category-tile')).not.toBeNull());
      expect(card.compareDocumentPosition(container.querySelector('.category-tile')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

      fireEvent.click(card.querySelector('.next-booking__check-in')!);
      const [code] = await findAll(card, '.check-in-code__short');
      expect(code.textContent).toBe('482 915');
      expect(card.querySelector('.check-in-code__qr')).toBeTruthy();
      expect(api.calls).toContain('GET /bookings/b-next/check-in-code');

      fireEvent.click(container.querySelector('.next-up__all')!);
      expect(navigations).toEqual([{ kind: 'switchTab', url: '/pages/orders/index' }]);
    });

    it('shows a live home order with its status in plain words; a tap opens it', async () => {
      const { page } = await signedIn((_fake, dispatch) => {
        dispatch.orders = [orderOf({ id: 'order-done', status: 'confirmed' }), orderOf({ id: 'order-live', status: 'escalated' })];
      });

      const [card] = await findAll(page.container, '.next-order');
      expect(page.container.querySelectorAll('.next-order')).toHaveLength(1);
      for (const text of ['居家养老上门服务', '社区工作人员正在帮您安排服务人员', '明天', '09:00–12:00', '东湖路 88 号 3 栋 201']) expect(card.textContent).toContain(text);
      // Not the dispatcher's words.
      expect(card.textContent).not.toContain('社区人工派单中');

      fireEvent.click(card);
      expect(navigations).toEqual([{ kind: 'navigateTo', url: '/home-service/pages/order/index?id=order-live' }]);
    });

    it('shows nothing personal when there is nothing coming, and the new booking once back on the tab', async () => {
      const { api, fake, page } = await signedIn((bookings) => {
        bookings.bookings = [bookingOf(bookings, slotOf(1, '09:00', '09:30', 0), wang, 'cancelled', 'b-cancelled')];
      });
      const { container } = page;
      await waitFor(() => expect(api.calls).toEqual(expect.arrayContaining(['GET /bookings', 'GET /home-orders'])));
      expect(container.querySelector('.next-up')).toBeNull();

      // Back on the tab after booking: the new booking shows (not tomorrow's cancelled one, although it is sooner).
      fake.bookings = [...fake.bookings, bookingOf(fake, slotOf(2, '14:00', '14:30', 0), wang, 'pending_review', 'b-new')];
      showPage();
      const [card] = await findAll(container, '.next-booking');
      expect(card.textContent).toContain('14:00–14:30');
      expect(card.textContent).toContain('需工作人员确认');
      expect(card.querySelector('.next-booking__check-in')).toBeNull();
    });

    it('asks the API for nothing personal when signed out', async () => {
      const seen: string[] = [];
      const record =
        (handler: Handler): Handler =>
        (req, res) => {
          seen.push(req.url ?? '');
          handler(req, res);
        };
      await serve({ ...homeRoutes(), '/bookings': record(listOf([])), '/home-orders': record(listOf([])) });
      const { container } = render(<HomePage />);
      await waitFor(() => expect(container.querySelectorAll('.centre-card')).toHaveLength(1));
      expect(container.querySelector('.next-up')).toBeNull();
      expect(seen).toEqual([]);
    });
  });
});
