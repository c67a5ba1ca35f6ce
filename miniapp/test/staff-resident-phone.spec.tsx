import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import type { ResidentProfile } from '@linli/shared';

import { StaffBookPage } from '../src/staff/pages/book';
import { StaffMealElderPage } from '../src/staff/pages/meal-elder';
import { authed, createFakeApi, meRoutes, signInTo } from './support/fake-api';
import { answer, readJson, sendJson } from './support/fixture-server';
import { catalogueFixture } from './support/fixtures';
import { findOne, typeInto } from './support/interact';
import { profileOf, residentAccount } from './support/people';
import { servePerTest } from './support/serve';

const serveRoutes = servePerTest();

const staff = residentAccount({ id: 'account-zhang', role: 'staff', displayName: '张敏', regionId: 'c-yangguang', regionName: '阳光社区', residentId: null });

/** 吴大爷, added by his son without a phone: nothing to reach him by, so no SMS either. */
const wuDaye = profileOf({ id: 'resident-wu', name: '吴大爷', phoneMasked: null, phoneOwner: null, hasOwnAccount: false, smsNotifications: false });

type PhoneBody = { phone: string; phoneOwner: 'self' | 'relative' };

/**
 * The desk's routes: the search finds `found`; `PUT …/phone` stores the number as the API does (masked in the answer,
 * SMS off on a new number), NOT_FOUND once `gone`; `PUT …/sms-notifications` switches it. Keeps what was sent.
 */
async function serveDesk(found: ResidentProfile, options: { gone?: boolean } = {}): Promise<{ phones: PhoneBody[]; switches: unknown[] }> {
  const api = createFakeApi({ account: staff });
  signInTo(api);
  const phones: PhoneBody[] = [];
  const switches: unknown[] = [];
  let current = found;
  await serveRoutes({
    ...meRoutes(api),
    '/catalogue': answer({ items: catalogueFixture }),
    '/staff/residents': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [found] })),
    '/staff/residents/:id/phone': authed(api, async (_state, req, res) => {
      const body = await readJson<PhoneBody>(req);
      phones.push(body);
      if (options.gone) return sendJson(res, 404, { code: 'NOT_FOUND', message: '该居民不存在或不在您的管辖范围内', requestId: 'r' });
      current = { ...current, phoneMasked: `${body.phone.slice(0, 3)}****${body.phone.slice(-4)}`, phoneOwner: body.phoneOwner, smsNotifications: false };
      sendJson(res, 200, current);
    }),
    '/staff/residents/:id/sms-notifications': authed(api, async (_state, req, res) => {
      const body = await readJson<{ enabled: boolean }>(req);
      switches.push(body);
      current = { ...current, smsNotifications: body.enabled };
      sendJson(res, 200, current);
    }),
  });
  return { phones, switches };
}

async function pickResident(container: HTMLElement, name: string): Promise<void> {
  await typeInto(container, '.staff-resident-name', name);
  fireEvent.click(container.querySelector('.staff-resident-search')!);
  fireEvent.click(await findOne(container, '.staff-resident'));
}

const phoneState = (container: HTMLElement) => container.querySelector('.staff-phone__state')?.textContent;
const smsButton = (container: HTMLElement) => container.querySelector<HTMLElement>('.staff-sms__toggle')!;

async function enterPhone(container: HTMLElement, phone: string, owner: '老人本人' | '家属' | null): Promise<void> {
  fireEvent.click(await findOne(container, '.staff-phone__edit'));
  await typeInto(container, '.staff-phone__input', phone);
  if (owner) fireEvent.click(screen.getByText(owner));
  fireEvent.click(container.querySelector('.staff-phone__save')!);
}

describe('登记/更正手机号 for a resident picked at the desk', () => {
  it('gives 吴大爷, added without a phone, his son’s number; SMS can then be switched on', async () => {
    const { phones, switches } = await serveDesk(wuDaye);
    const { container } = render(<StaffBookPage />);
    await pickResident(container, '吴大爷');
    expect(phoneState(container)).toBe('联系手机：没有登记');
    expect(smsButton(container).className).toContain('nut-button-disabled');
    expect(container.querySelector('.staff-phone__edit')?.textContent).toBe('登记手机号');

    await enterPhone(container, '13600009911', '家属');
    await waitFor(() => expect(phoneState(container)).toBe('联系手机：家属手机 136****9911'));
    expect(screen.getByText('已保存手机号')).toBeTruthy();
    expect(phones).toEqual([{ phone: '13600009911', phoneOwner: 'relative' }]);
    expect(container.querySelector('.staff-phone__form')).toBeNull();

    // The switch beside it now has a number to text.
    expect(smsButton(container).className).not.toContain('nut-button-disabled');
    fireEvent.click(smsButton(container));
    await waitFor(() => expect(container.querySelector('.staff-sms__state')?.textContent).toBe('短信提醒：已开通（家属手机 136****9911）'));
    expect(switches).toEqual([{ enabled: true }]);
    // Correcting the number now would switch that off again, and the form says so.
    fireEvent.click(await findOne(container, '.staff-phone__edit'));
    expect(container.textContent).toContain('换了手机号后短信提醒会关闭');
    fireEvent.click(container.querySelector('.staff-phone__cancel')!);
    // The desk goes on to the booking as before.
    await findOne(container, '.staff-service');
  });

  it('a corrected number turns SMS off (the consent was for the old one), and says so before saving', async () => {
    const { phones } = await serveDesk({ ...wuDaye, phoneMasked: '136****9911', phoneOwner: 'relative', smsNotifications: true });
    const { container } = render(<StaffMealElderPage />);
    await pickResident(container, '吴大爷');
    expect(container.querySelector('.staff-sms__state')?.textContent).toBe('短信提醒：已开通（家属手机 136****9911）');
    expect(container.querySelector('.staff-phone__edit')?.textContent).toBe('更正手机号');

    fireEvent.click(await findOne(container, '.staff-phone__edit'));
    expect(container.textContent).toContain('换了手机号后短信提醒会关闭');
    // The owner starts as it was on the record.
    expect(screen.getByText('家属').closest('.choice-grid__option')?.className).toContain('choice-grid__option--selected');
    await typeInto(container, '.staff-phone__input', '13600009922');
    fireEvent.click(screen.getByText('老人本人'));
    fireEvent.click(container.querySelector('.staff-phone__save')!);

    await waitFor(() => expect(phoneState(container)).toBe('联系手机：本人手机 136****9922'));
    expect(container.querySelector('.staff-sms__state')?.textContent).toBe('短信提醒：未开通（本人手机 136****9922）');
    expect(phones).toEqual([{ phone: '13600009922', phoneOwner: 'self' }]);
  });

  it('checks the number and its owner before sending, and shows the API’s refusal keeping the record as it was', async () => {
    const { phones } = await serveDesk(wuDaye, { gone: true });
    const { container } = render(<StaffBookPage />);
    await pickResident(container, '吴大爷');

    await enterPhone(container, '1360000', null);
    expect(await screen.findByText('手机号码不正确，应为 11 位数字')).toBeTruthy();
    expect(screen.getByText('请选择这是谁的手机号')).toBeTruthy();
    expect(phones).toEqual([]);

    await typeInto(container, '.staff-phone__input', '13600009911');
    fireEvent.click(screen.getByText('家属'));
    fireEvent.click(container.querySelector('.staff-phone__save')!);
    expect(await screen.findByText('该居民不存在或不在您的管辖范围内')).toBeTruthy();
    expect(phoneState(container)).toBe('联系手机：没有登记');
    expect(phones).toEqual([{ phone: '13600009911', phoneOwner: 'relative' }]);

    // Cancel leaves the form; nothing more is sent.
    fireEvent.click(container.querySelector('.staff-phone__cancel')!);
    expect(container.querySelector('.staff-phone__form')).toBeNull();
    expect(phones).toHaveLength(1);
  });
});
