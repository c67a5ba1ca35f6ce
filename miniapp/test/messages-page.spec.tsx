import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import type { InboxMessageView } from '@linli/shared';

import { MessagesEntry } from '../src/pages/home/messages-entry';
import { MessagesPage } from '../src/pages/messages';
import { authed, createFakeApi, signInTo } from './support/fake-api';
import { sendJson } from './support/fixture-server';
import { servePerTest } from './support/serve';
import { navigations, pullDownRefresh, showPage } from './support/taro-h5';

import type { FakeApi } from './support/fake-api';

const serve = servePerTest();

function message(id: string, title: string, createdAt: string, read = false): InboxMessageView {
  return { id, topic: 'booking.reminder', title, body: `${title}：请按时到场。`, createdAt, read };
}

/** The inbox routes as the API answers them, over a list the test can change between requests. */
async function serveInbox(api: FakeApi, inbox: { items: InboxMessageView[] }): Promise<void> {
  const unread = () => inbox.items.filter((item) => !item.read).length;
  await serve({
    '/inbox': authed(api, (_state, _req, res) => sendJson(res, 200, { items: inbox.items, unread: unread() })),
    '/inbox/unread-count': authed(api, (_state, _req, res) => sendJson(res, 200, { unread: unread() })),
    '/inbox/read-all': authed(api, (_state, _req, res) => {
      inbox.items = inbox.items.map((item) => ({ ...item, read: true }));
      sendJson(res, 200, { unread: 0 });
    }),
    '/inbox/:id/read': authed(api, (_state, req, res) => {
      const id = (req.url ?? '').split('/')[3];
      inbox.items = inbox.items.map((item) => (item.id === id ? { ...item, read: true } : item));
      sendJson(
        res,
        200,
        inbox.items.find((item) => item.id === id),
      );
    }),
  });
}

describe('消息', () => {
  it('lists the messages newest first with the unread count; a tap reads one, 全部标为已读 the rest', async () => {
    const api = createFakeApi();
    const inbox = {
      items: [
        message('m3', '一小时后有预约', '2026-12-02T00:30:00.000Z'),
        message('m2', '明天有预约', '2026-12-01T01:30:00.000Z'),
        message('m1', '预约成功', '2026-11-30T02:00:00.000Z', true),
      ],
    };
    await serveInbox(api, inbox);
    signInTo(api);
    const { container } = render(<MessagesPage />);

    expect(await screen.findByText('2 条未读')).toBeTruthy();
    const cards = [...container.querySelectorAll('.message-card')];
    expect(cards.map((card) => card.querySelector('.message-card__title')?.textContent)).toEqual(['一小时后有预约', '明天有预约', '预约成功']);
    expect(cards.map((card) => card.classList.contains('message-card--unread'))).toEqual([true, true, false]);
    expect(cards[1].textContent).toContain('明天有预约：请按时到场。');
    expect(cards[1].querySelector('.message-card__time')?.textContent).toMatch(/12月1日 周二 09:30$/);

    fireEvent.click(cards[1]);
    expect(await screen.findByText('1 条未读')).toBeTruthy();
    expect(within(cards[1] as HTMLElement).queryByText('未读')).toBeNull();
    await waitFor(() => expect(api.calls).toContain('POST /inbox/m2/read'));

    fireEvent.click(cards[2]); // already read: nothing to send
    fireEvent.click(screen.getByText('全部标为已读'));
    expect(await screen.findByText('全部已读')).toBeTruthy();
    expect(container.querySelectorAll('.message-card--unread')).toHaveLength(0);
    await waitFor(() => expect(api.calls).toContain('POST /inbox/read-all'));
    expect(api.calls.filter((call) => call.startsWith('POST'))).toEqual(['POST /inbox/m2/read', 'POST /inbox/read-all']);

    // A new message arrives: pulling down shows it.
    inbox.items = [message('m4', '预约未通过', '2026-12-02T01:00:00.000Z'), ...inbox.items];
    pullDownRefresh();
    expect(await screen.findByText('预约未通过')).toBeTruthy();
    expect(screen.getByText('1 条未读')).toBeTruthy();
  });

  it('says so when there is nothing', async () => {
    const api = createFakeApi();
    await serveInbox(api, { items: [] });
    signInTo(api);
    render(<MessagesPage />);
    expect(await screen.findByText('暂时没有消息')).toBeTruthy();
  });

  it('the home page entry shows how many are unread, counts again on return, and opens 消息', async () => {
    const api = createFakeApi();
    const inbox = { items: [message('m2', '明天有预约', '2026-12-01T01:30:00.000Z'), message('m1', '预约成功', '2026-11-30T02:00:00.000Z')] };
    await serveInbox(api, inbox);
    signInTo(api);
    render(<MessagesEntry />);

    expect(await screen.findByText('2 条未读消息 ›')).toBeTruthy();
    inbox.items = inbox.items.map((item) => ({ ...item, read: true }));
    showPage();
    expect(await screen.findByText('预约提醒、订单和助餐通知 ›')).toBeTruthy();

    fireEvent.click(screen.getByText('消息'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/messages/index' }]);
  });
});
