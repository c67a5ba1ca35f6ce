import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { StaffHomePage } from '../src/staff/pages/index';
import { StaffProvidersPage } from '../src/staff/pages/providers';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { createFakeDispatch, dispatchRoutes, providerViewOf } from './support/fake-dispatch';
import { findAll, typeInto } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { navigations } from './support/taro-h5';

import type { FakeDispatch } from './support/fake-dispatch';

const serveRoutes = servePerTest();

const staffAccount = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', regionId: 'c-yangguang', regionName: '阳光社区', residentId: null });

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

const region = () => [
  providerViewOf({ id: 'p-active', name: '安心家政', status: 'active' }),
  providerViewOf({
    id: 'p-new-1',
    name: '邻家维修',
    kind: 'repair',
    status: 'pending',
    contactName: '孙师傅',
    contactPhoneMasked: '137****0031',
    creditCode: '91110108MA01AB2C3T',
  }),
  providerViewOf({ id: 'p-suspended', name: '夕阳红照护', kind: 'care', status: 'suspended', decisionReason: '服务投诉较多' }),
  providerViewOf({ id: 'p-rejected', name: '快乐助餐', kind: 'meal', status: 'rejected', decisionReason: '资料不完整' }),
  providerViewOf({ id: 'p-new-2', name: '好邻居志愿队', kind: 'volunteer', status: 'pending', contactName: '周老师' }),
];

async function openReview(fake: FakeDispatch) {
  const api = createFakeApi({ account: staffAccount });
  signInTo(api);
  await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, fake) });
  const page = render(<StaffProvidersPage />);
  await findAll(page.container, '.provider-card');
  /** Waits for the quiet reloads after `actions` moves (each one lists the region again). */
  const reloaded = (actions: number) => waitFor(() => expect(api.calls.filter((call) => call === 'GET /providers')).toHaveLength(1 + actions));
  return { ...page, reloaded };
}

/** The card of one organisation, and the status group it is listed under. */
function cardOf(container: HTMLElement, providerId: string) {
  const card = container.querySelector<HTMLElement>(`.provider-card[data-provider="${providerId}"]`);
  if (!card) throw new Error(`no card for ${providerId}`);
  const group = /staff-provider-group--(\w+)/.exec(card.closest('.staff-provider-group')?.className ?? '')?.[1];
  const buttons = [...card.querySelectorAll('.staff-provider__action')].map((button) => button.textContent);
  return { card, group, buttons };
}

describe('服务机构审核 (staff)', () => {
  it('is linked from the staff workbench with the number of pending applications', async () => {
    const fake = createFakeDispatch({ providers: region() });
    const api = createFakeApi({ account: staffAccount });
    signInTo(api);
    await serveRoutes({ ...meRoutes(api), ...dispatchRoutes(api, fake) });
    render(<StaffHomePage />);
    await waitFor(() => expect(api.calls).toContain('GET /me'));
    expect(await screen.findByText('2 家待审核 · 入驻申请、暂停与恢复 ›')).toBeTruthy();
    click(screen.getByText('服务机构审核'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/staff/pages/providers/index' }]);
  });

  it('groups the region: 待审核 first, then 服务中, 已暂停, 未通过, each with the buttons its status allows', async () => {
    const { container } = await openReview(createFakeDispatch({ providers: region() }));

    const labels = [...container.querySelectorAll('.staff-provider-group > .staff-desk__label')].map((node) => node.textContent);
    expect(labels).toEqual(['待审核（2）', '服务中（1）', '已暂停（1）', '未通过（1）']);

    const pending = cardOf(container, 'p-new-1');
    expect(pending.group).toBe('pending');
    expect(pending.buttons).toEqual(['通过', '不通过']);
    for (const text of ['邻家维修', '维修服务 · 阳光社区', '联系人：孙师傅 137****0031', '信用代码：91110108MA01AB2C3T', '申请时间：']) {
      expect(pending.card.textContent).toContain(text);
    }
    expect(cardOf(container, 'p-active').buttons).toEqual(['暂停']);
    const suspended = cardOf(container, 'p-suspended');
    expect(suspended.buttons).toEqual(['恢复']);
    expect(suspended.card.textContent).toContain('暂停原因：服务投诉较多');
    const rejected = cardOf(container, 'p-rejected');
    expect(rejected.buttons).toEqual([]);
    expect(rejected.card.textContent).toContain('未通过原因：资料不完整');
  });

  it('approves one application at a tap and turns another down with a reason', async () => {
    const fake = createFakeDispatch({ providers: region() });
    const { container, reloaded } = await openReview(fake);

    click(cardOf(container, 'p-new-1').card.querySelector('.staff-provider__action--approve'));
    expect(await screen.findByText('已通过：邻家维修 的管理员现在可以登录了')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({ call: 'PUT /providers/p-new-1/status', body: { status: 'active' } });
    await waitFor(() => expect(cardOf(container, 'p-new-1').group).toBe('active'));
    expect(cardOf(container, 'p-new-1').buttons).toEqual(['暂停']);

    const writes = fake.writes.length;
    click(cardOf(container, 'p-new-2').card.querySelector('.staff-provider__action--reject'));
    // 不通过 asks why first.
    expect(fake.writes).toHaveLength(writes);
    click(await screen.findByText('确定不通过'));
    expect(await screen.findByText('请先选一个原因')).toBeTruthy();
    click(screen.getByText('其他'));
    await typeInto(container, '.staff-provider__reason', '服务范围不在本社区');
    click(screen.getByText('确定不通过'));

    expect(await screen.findByText('已不通过：好邻居志愿队 的申请人会看到原因')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({ call: 'PUT /providers/p-new-2/status', body: { status: 'rejected', reason: '服务范围不在本社区' } });
    await waitFor(() => expect(cardOf(container, 'p-new-2').group).toBe('rejected'));
    expect(cardOf(container, 'p-new-2').card.textContent).toContain('未通过原因：服务范围不在本社区');
    expect(cardOf(container, 'p-new-2').buttons).toEqual([]);
    expect(screen.getByText('没有待审核的入驻申请。')).toBeTruthy();
    await reloaded(2);
  });

  it('asks for a reason and a confirmation before 暂停; 恢复 is one tap', async () => {
    const fake = createFakeDispatch({ providers: region() });
    const { container, reloaded } = await openReview(fake);

    click(cardOf(container, 'p-active').card.querySelector('.staff-provider__action--suspend'));
    expect(await screen.findByText('暂停后，该机构的管理员和服务人员将不能登录、接单，直到恢复。确定要暂停吗？')).toBeTruthy();
    expect(fake.writes).toEqual([]);
    click(screen.getByText('服务投诉较多'));
    click(screen.getByText('确定暂停'));
    expect(await screen.findByText('已暂停：安心家政')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({ call: 'PUT /providers/p-active/status', body: { status: 'suspended', reason: '服务投诉较多' } });
    await waitFor(() => expect(cardOf(container, 'p-active').group).toBe('suspended'));

    click(cardOf(container, 'p-suspended').card.querySelector('.staff-provider__action--reinstate'));
    expect(await screen.findByText('已恢复：夕阳红照护')).toBeTruthy();
    expect(fake.writes.at(-1)).toEqual({ call: 'PUT /providers/p-suspended/status', body: { status: 'active' } });
    await waitFor(() => expect(cardOf(container, 'p-suspended').group).toBe('active'));
    await reloaded(2);
  });

  it('a decision someone else already made: says so and shows the latest list', async () => {
    const fake = createFakeDispatch({ providers: region() });
    const { container, reloaded } = await openReview(fake);
    // Another staff member approved it meanwhile.
    fake.providers = fake.providers.map((item) => (item.id === 'p-new-1' ? { ...item, status: 'active' } : item));

    click(cardOf(container, 'p-new-1').card.querySelector('.staff-provider__action--approve'));
    expect(await screen.findByText('这个机构的状态已经变了，列表已刷新，请看最新状态')).toBeTruthy();
    await waitFor(() => expect(cardOf(container, 'p-new-1').group).toBe('active'));
    await reloaded(1);
  });
});
