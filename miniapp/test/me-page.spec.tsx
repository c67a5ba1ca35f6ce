import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CURRENT_PRIVACY_POLICY_VERSION } from '@linli/shared';

import { MePage } from '../src/pages/me';
import { readSession } from '../src/storage/token-storage';
import { createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { readJson, sendJson } from './support/fixture-server';
import { typeInto } from './support/interact';
import { profileOf, residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { navigations } from './support/taro-h5';

import type { FakeApi } from './support/fake-api';
import type { Handler } from './support/fixture-server';

const serveRoutes = servePerTest();

async function serve(api: FakeApi, overrides: Record<string, Handler> = {}): Promise<void> {
  await serveRoutes({ ...meRoutes(api), ...overrides });
}

describe('MePage', () => {
  it('offers the demo login on H5 when nobody is signed in', async () => {
    await serve(createFakeApi());
    render(<MePage />);

    fireEvent.click(await screen.findByText('去登录'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/login/index' }]);
  });

  it('asks for consent first, sends nothing personal before it, and shows the profile after 同意并继续', async () => {
    const api = createFakeApi({ account: residentAccount({ consentRequired: true }), profile: profileOf() });
    let consentBody: unknown;
    await serve(api, {
      '/me/privacy-consent': async (req, res) => {
        consentBody = await readJson(req);
        api.account = { ...api.account, consentRequired: false };
        sendJson(res, 200, api.account);
      },
    });
    signInTo(api);
    const { container } = render(<MePage />);

    expect(screen.getByText('个人信息保护说明')).toBeTruthy();
    expect(screen.getByText(`版本：${CURRENT_PRIVACY_POLICY_VERSION}`)).toBeTruthy();
    expect(screen.getByText('不同意')).toBeTruthy();
    await waitFor(() => expect(api.calls).toContain('GET /me'));
    expect(api.calls.filter((call) => !call.startsWith('GET /me ') && call !== 'GET /me')).toEqual([]);

    fireEvent.click(container.querySelector('.consent-accept')!);

    await waitFor(() => expect(container.querySelector('.profile-name')?.textContent).toBe('王秀英'));
    expect(consentBody).toEqual({ version: CURRENT_PRIVACY_POLICY_VERSION });
    expect(readSession()?.account?.consentRequired).toBe(false);
    const card = container.querySelector('.profile-card')!;
    for (const text of ['138****8000', '1101**********1234', '阳光社区', '东湖路 88 号']) {
      expect(card.textContent).toContain(text);
    }
    expect(screen.queryByText('个人信息保护说明')).toBeNull();
  });

  it('stores nothing and explains when the resident declines', async () => {
    const api = createFakeApi({ account: residentAccount({ consentRequired: true }) });
    await serve(api);
    signInTo(api);
    render(<MePage />);

    fireEvent.click(screen.getByText('不同意'));

    expect(await screen.findByText('我们不会保存您的任何个人信息。')).toBeTruthy();
    fireEvent.click(screen.getByText('重新查看隐私说明'));
    expect(screen.getByText('同意并继续')).toBeTruthy();
    expect(api.calls.some((call) => call.includes('privacy-consent') || call.includes('profile'))).toBe(false);
  });

  it('checks the ID number before sending, and shows the server field message next to its field', async () => {
    const api = createFakeApi({ profile: profileOf() });
    const puts: unknown[] = [];
    await serve(api, {
      '/me/profile': async (req, res) => {
        if (req.method === 'GET') {
          sendJson(res, 200, { profile: api.profile });
          return;
        }
        puts.push(await readJson(req));
        sendJson(res, 400, {
          code: 'VALIDATION_FAILED',
          message: '请检查填写的内容',
          details: [{ field: 'address', constraints: ['length'], message: '住址最多 200 个字' }],
          requestId: 'r-400',
        });
      },
    });
    signInTo(api);
    const { container } = render(<MePage />);

    fireEvent.click(await screen.findByText('修改我的信息'));
    const form = container.querySelector('.person-form') as HTMLElement;
    expect(within(form).getByText('已登记 1101**********1234，不修改请留空')).toBeTruthy();

    // A wrong check digit is caught on the phone: nothing is sent.
    await typeInto(form, '.person-form__id-number', '110101194803121235');
    fireEvent.click(within(form).getByText('保存'));
    expect(await within(form).findByText('身份证号码不正确，请核对后重新填写')).toBeTruthy();
    expect(puts).toEqual([]);

    await typeInto(form, '.person-form__id-number', '');
    await typeInto(form, '.person-form__address', '很长的住址');
    fireEvent.click(within(form).getByText('保存'));

    const message = await within(form).findByText('住址最多 200 个字');
    // Right under the address input, not somewhere else on the page.
    expect(message.closest('.text-field')?.querySelector('.person-form__address')).toBeTruthy();
    expect(within(form).getByText('请检查填写的内容')).toBeTruthy();
    // An empty ID field keeps the number on file: it is left out, not sent as null.
    expect(puts).toEqual([{ name: '王秀英', address: '很长的住址', communityId: 'c-yangguang' }]);
  });

  it('adds a household member and removes one after confirming', async () => {
    const api = createFakeApi({
      profile: profileOf(),
      members: [{ ...profileOf({ id: 'member-dad', name: '王建国', hasOwnAccount: false }), relation: '父亲' as const }],
    });
    const added: unknown[] = [];
    const routes = meRoutes(api);
    await serve(api, {
      '/household/members': async (req, res) => {
        if (req.method === 'POST') {
          const body = await readJson(req);
          added.push(body);
          const member = { ...profileOf({ id: 'member-mum', name: '李桂芳', phoneMasked: null, idNumberMasked: null }), relation: '母亲' as const };
          api.members = [...api.members, member];
          sendJson(res, 201, member);
          return;
        }
        routes['/household/members'](req, res);
      },
    });
    signInTo(api);
    const { container } = render(<MePage />);

    await waitFor(() => expect(container.querySelectorAll('.household-member')).toHaveLength(1));
    expect(container.querySelector('.household-member')!.textContent).toContain('王建国');

    // Add: the relation is required and checked before sending.
    fireEvent.click(screen.getByText('添加家人'));
    const form = container.querySelector('.person-form--member') as HTMLElement;
    await typeInto(form, '.person-form__name', '李桂芳');
    fireEvent.click(within(form).getByText('保存'));
    expect(await within(form).findByText('请选择与您的关系')).toBeTruthy();
    expect(added).toEqual([]);

    fireEvent.click(within(form).getByText('母亲'));
    await typeInto(form, '.person-form__phone', '13800138000');
    fireEvent.click(within(form).getByText('保存'));

    await waitFor(() => expect(container.querySelectorAll('.household-member')).toHaveLength(2));
    expect(added).toEqual([{ name: '李桂芳', relation: '母亲', idNumber: null, phone: '13800138000', address: null, communityId: null }]);
    expect(container.querySelectorAll('.household-member')[1].textContent).toContain('李桂芳');

    // Remove: one tap asks, the second confirms.
    const dad = container.querySelectorAll('.household-member')[0] as HTMLElement;
    fireEvent.click(within(dad).getByText('移除'));
    expect(within(dad).getByText('确定不再代 王建国 办事吗？这不会删除对方自己的微信账号。')).toBeTruthy();
    expect(api.calls).not.toContain('DELETE /household/members/member-dad');
    fireEvent.click(within(dad).getByText('确定移除'));

    await waitFor(() => expect(container.querySelectorAll('.household-member')).toHaveLength(1));
    expect(container.querySelector('.household-member')!.textContent).toContain('李桂芳');
    expect(api.calls).toContain('DELETE /household/members/member-dad');
  });

  it('shows a family invitation code big, with its expiry', async () => {
    const api = createFakeApi({
      profile: profileOf(),
      members: [{ ...profileOf({ id: 'member-dad', name: '王建国', hasOwnAccount: false }), relation: '父亲' as const }],
    });
    await serve(api);
    signInTo(api);
    const { container } = render(<MePage />);

    fireEvent.click(await screen.findByText('邀请家人绑定微信'));

    await waitFor(() => expect(container.querySelector('.invitation-code')?.textContent).toBe('K 7 M 2 Q 9 X A'));
    expect(container.querySelector('.invitation')!.textContent).toContain('有效期至：2026年12月');
  });

  it('goes back to the signed-out state when the session cannot be renewed', async () => {
    const api = createFakeApi({ profile: profileOf() });
    await serve(api, {
      '/auth/refresh': (_req, res) => sendJson(res, 401, { code: 'REFRESH_TOKEN_REUSED', message: '登录已失效，请重新登录', requestId: 'r' }),
    });
    // The stored access token is one the server no longer accepts.
    signInTo({ ...api, accessToken: 'expired' });
    render(<MePage />);

    expect(await screen.findByText('您还没有登录')).toBeTruthy();
    expect(readSession()).toBeNull();
  });

  it('exports my data and deletes the account after a clear confirmation', async () => {
    const api = createFakeApi({ profile: profileOf() });
    await serve(api, {
      '/me/export': (_req, res) => sendJson(res, 200, { exportedAt: '2026-11-26T08:00:00.000Z', account: api.account, profile: api.profile, household: [] }),
      '/me': (req, res) => {
        api.calls.push(`${req.method} /me`);
        if (req.method === 'DELETE') res.writeHead(204).end();
        else sendJson(res, 200, api.account);
      },
    });
    signInTo(api);
    const { container } = render(<MePage />);

    fireEvent.click(await screen.findByText('导出我的全部信息'));
    await waitFor(() => expect(container.querySelector('.data-rights__json')?.textContent).toContain('"exportedAt"'));

    fireEvent.click(screen.getByText('注销账号'));
    expect(screen.getByText('注销后，您的姓名、手机号、身份证号、住址和家人信息都会被删除，无法恢复。')).toBeTruthy();
    expect(api.calls).not.toContain('DELETE /me');
    fireEvent.click(screen.getByText('确定注销，删除我的信息'));

    expect(await screen.findByText('您还没有登录')).toBeTruthy();
    expect(api.calls).toContain('DELETE /me');
    expect(readSession()).toBeNull();
  });
});
