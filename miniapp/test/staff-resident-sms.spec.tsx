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

/** 冯奶奶, registered earlier by staff with her daughter's phone; SMS not switched on then. */
const fengNainai = profileOf({ id: 'resident-feng', name: '冯奶奶', phoneMasked: '136****7001', phoneOwner: 'relative', hasOwnAccount: false, smsNotifications: false });

interface SmsSwitch {
  residentId: string;
  body: unknown;
}

/**
 * The desk's routes: the staff resident search finds `found`, and `PUT …/sms-notifications` switches `stored` (the
 * record as it is now) as the API does — SMS_NEEDS_PHONE without a phone — keeping what it was sent.
 */
async function serveDesk(found: ResidentProfile, stored: ResidentProfile = found): Promise<SmsSwitch[]> {
  const api = createFakeApi({ account: staff });
  signInTo(api);
  const switches: SmsSwitch[] = [];
  let current = stored;
  await serveRoutes({
    ...meRoutes(api),
    '/catalogue': answer({ items: catalogueFixture }),
    '/staff/residents': authed(api, (_state, _req, res) => sendJson(res, 200, { items: [found] })),
    '/staff/residents/:id/sms-notifications': authed(api, async (_state, req, res) => {
      const body = await readJson<{ enabled: boolean }>(req);
      switches.push({ residentId: req.url!.split('/')[4], body });
      if (body.enabled && current.phoneMasked === null)
        return sendJson(res, 409, { code: 'SMS_NEEDS_PHONE', message: '该居民没有登记手机号，不能开通短信提醒；请先登记老人或家属的手机号', requestId: 'r' });
      current = { ...current, smsNotifications: body.enabled };
      sendJson(res, 200, current);
    }),
  });
  return switches;
}

async function pickResident(container: HTMLElement, name: string): Promise<void> {
  await typeInto(container, '.staff-resident-name', name);
  fireEvent.click(container.querySelector('.staff-resident-search')!);
  fireEvent.click(await findOne(container, '.staff-resident'));
}

/** 老人助餐's own sections (profile, balance, ordering) are not served here: each shows its 404 before the test ends. */
async function mealSectionsSettled(container: HTMLElement): Promise<void> {
  await waitFor(() => expect(container.querySelectorAll('.remote-content--error')).toHaveLength(3));
}

const smsState = (container: HTMLElement) => container.querySelector('.staff-sms__state')?.textContent;
const smsButton = (container: HTMLElement) => container.querySelector<HTMLElement>('.staff-sms__toggle')!;

describe('短信提醒 for a resident picked at the desk (registered earlier, switched with consent)', () => {
  it('switches SMS on for 冯奶奶 in one tap, then off again, without her phone typed again', async () => {
    const switches = await serveDesk(fengNainai);
    const { container } = render(<StaffBookPage />);
    await pickResident(container, '冯奶奶');

    expect(smsState(container)).toBe('短信提醒：未开通（家属手机 136****7001）');
    expect(container.textContent).toContain('开通前请征得老人或家属同意');
    expect(smsButton(container).textContent).toBe('开通短信提醒');
    fireEvent.click(smsButton(container));
    await waitFor(() => expect(smsState(container)).toBe('短信提醒：已开通（家属手机 136****7001）'));
    expect(screen.getByText('已开通短信提醒')).toBeTruthy();
    expect(switches).toEqual([{ residentId: 'resident-feng', body: { enabled: true } }]);

    expect(smsButton(container).textContent).toBe('关闭短信提醒');
    fireEvent.click(smsButton(container));
    await waitFor(() => expect(smsState(container)).toBe('短信提醒：未开通（家属手机 136****7001）'));
    expect(screen.getByText('已关闭短信提醒')).toBeTruthy();
    expect(switches.map((sent) => sent.body)).toEqual([{ enabled: true }, { enabled: false }]);
    // The desk goes on to the booking as before.
    await findOne(container, '.staff-service');
  });

  it('老人助餐 has it too; without a phone on the record the button is greyed and says why, and nothing is sent', async () => {
    const switches = await serveDesk(profileOf({ ...fengNainai, phoneMasked: null, phoneOwner: null }));
    const { container } = render(<StaffMealElderPage />);
    await pickResident(container, '冯奶奶');

    expect(smsState(container)).toBe('短信提醒：未开通');
    expect(container.querySelector('.staff-sms__no-phone')?.textContent).toBe('没有登记手机号，不能开通短信提醒。');
    expect(smsButton(container).className).toContain('nut-button-disabled');
    fireEvent.click(smsButton(container));
    await mealSectionsSettled(container);
    expect(switches).toEqual([]);
  });

  it('shows the API’s refusal under the switch and keeps what it was', async () => {
    // The record the desk picked had a phone; meanwhile a household proxy cleared it.
    const switches = await serveDesk(fengNainai, { ...fengNainai, phoneMasked: null, phoneOwner: null });
    const { container } = render(<StaffBookPage />);
    await pickResident(container, '冯奶奶');
    fireEvent.click(smsButton(container));

    expect(await screen.findByText('该居民没有登记手机号，不能开通短信提醒；请先登记老人或家属的手机号')).toBeTruthy();
    expect(smsState(container)).toBe('短信提醒：未开通（家属手机 136****7001）');
    expect(switches.map((sent) => sent.body)).toEqual([{ enabled: true }]);
  });
});
