import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import type { ResidentProfile } from '@linli/shared';

import type { ResidentRegistration } from '../src/services/staff-residents';

import { StaffBookPage } from '../src/staff/pages/book';
import { authed, createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { answer, readJson, sendJson } from './support/fixture-server';
import { catalogueFixture } from './support/fixtures';
import { findAll, findOne, typeInto } from './support/interact';
import { profileOf, residentAccount } from './support/people';
import { servePerTest } from './support/serve';

import type { FakeApi } from './support/fake-api';

const serveRoutes = servePerTest();

const staff = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', regionId: 'c-yangguang', regionName: '阳光社区', residentId: null });

/** The desk's routes, with `POST /staff/residents` registering as the API does and keeping what it was sent. */
async function openDesk(): Promise<{ api: FakeApi; registrations: ResidentRegistration[]; container: HTMLElement }> {
  const api = createFakeApi({ account: staff });
  signInTo(api);
  const registrations: ResidentRegistration[] = [];
  await serveRoutes({
    ...meRoutes(api),
    '/catalogue': answer({ items: catalogueFixture }),
    '/staff/residents': authed(api, async (_state, req, res) => {
      if (req.method !== 'POST') return sendJson(res, 200, { items: [] });
      const body = await readJson<ResidentRegistration>(req);
      if (body.phone === '13600000000')
        return sendJson(res, 400, {
          code: 'VALIDATION_FAILED',
          message: '请求参数有误',
          requestId: 'r',
          details: [{ field: 'phone', message: '手机号码不正确', constraints: ['isMainlandMobile'] }],
        });
      registrations.push(body);
      const registered: ResidentProfile = profileOf({
        id: 'resident-feng',
        name: body.name,
        phoneMasked: `${body.phone.slice(0, 3)}****${body.phone.slice(-4)}`,
        phoneOwner: body.phoneOwner,
        communityId: body.communityId,
        hasOwnAccount: false,
        smsNotifications: body.smsNotifications,
      });
      sendJson(res, 201, registered);
    }),
  });
  const { container } = render(<StaffBookPage />);
  return { api, registrations, container };
}

function choose(label: string): void {
  fireEvent.click(screen.getByText(label));
}

async function fillElder(container: HTMLElement, phone: string): Promise<void> {
  fireEvent.click(await findOne(container, '.staff-registration__open'));
  await typeInto(container, '.staff-registration__name', '冯奶奶');
  fireEvent.click(container.querySelector('.community-picker__toggle')!);
  fireEvent.click(container.querySelector('.community-picker__submit')!);
  fireEvent.click((await findAll(container, '.community-picker__option'))[0]);
  await typeInto(container, '.staff-registration__phone', phone);
  choose('家属');
}

describe('登记新居民 at the desk (an elder without WeChat, SMS with consent)', () => {
  it('registers her with her daughter’s phone and SMS switched on, then books for her', async () => {
    const { registrations, container } = await openDesk();
    await fillElder(container, '13600007001');
    expect(screen.getByText('不开通').closest('.choice-grid__option')?.className).toContain('choice-grid__option--selected');
    choose('开通短信提醒');
    fireEvent.click(container.querySelector('.staff-registration__save')!);

    await waitFor(() => expect(registrations).toHaveLength(1));
    expect(registrations[0]).toEqual({ name: '冯奶奶', communityId: 'c-yangguang', phone: '13600007001', phoneOwner: 'relative', smsNotifications: true });
    // She is picked at once: the desk goes on to what to book for her.
    await findAll(container, '.staff-service');
    expect(container.querySelector('.staff-registration')).toBeNull();
  });

  it('SMS stays off unless switched on; missing fields are named before anything is sent, the server’s next to its field', async () => {
    const { registrations, container } = await openDesk();
    fireEvent.click(await findOne(container, '.staff-registration__open'));
    fireEvent.click(container.querySelector('.staff-registration__save')!);
    expect(container.textContent).toContain('请填写姓名');
    expect(container.textContent).toContain('请选择老人所在社区');
    expect(container.textContent).toContain('手机号码不正确，应为 11 位数字');
    expect(container.textContent).toContain('请选择这是谁的手机号');

    fireEvent.click(screen.getByText('不登记，返回查找'));
    await fillElder(container, '13600000000');
    fireEvent.click(container.querySelector('.staff-registration__save')!);
    await waitFor(() => expect(container.textContent).toContain('手机号码不正确'));
    expect(registrations).toEqual([]);

    await typeInto(container, '.staff-registration__phone', '13600007002');
    fireEvent.click(container.querySelector('.staff-registration__save')!);
    await waitFor(() => expect(registrations).toHaveLength(1));
    expect(registrations[0].smsNotifications).toBe(false);
    await findAll(container, '.staff-service');
  });
});
