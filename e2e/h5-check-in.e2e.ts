import { stableId } from '../api/src/seed/stable-id';
import { demoLogin, phonesPerTest, signInAs } from './support/h5-harness';
import { wangBooksSocialInsuranceAtAnda } from './support/resident-flows';
import { bookingDayHasCome } from './support/service-day';

/**
 * Checking in by the six digits, as it happens at a desk: 王秀英 books on her phone and opens her check-in code;
 * on the day, 张敏 (安大社区's staff) sees only her own centre and types the digits 王秀英 reads out.
 */
describe('H5: check-in by the short code', () => {
  // Two phones: the resident's and the staff member's.
  const phones = phonesPerTest({ resident: {}, staff: {} });

  phones.test('王秀英 books and reads out six digits; 张敏 sees only her centre, types them, and the booking is checked in', async () => {
    const { harness } = phones;
    const { resident: residentPage, staff: staffPage } = phones.pages;
    const { baseUrl } = harness.api;

    // 王秀英 books 社保医保代办 at 安大社区市民中心 on her phone.
    await signInAs(residentPage, baseUrl, '王秀英');
    await residentPage.locator('.profile-name').first().waitFor({ timeout: 20_000 });
    await wangBooksSocialInsuranceAtAnda(residentPage, baseUrl);

    const token = await demoLogin(baseUrl, stableId('account', 'resident-wang'));
    const booking = (await (await fetch(`${baseUrl}/api/bookings`, { headers: { authorization: `Bearer ${token}` } })).json()).items.find(
      (item: { status: string }) => item.status === 'confirmed',
    );
    await bookingDayHasCome(harness, booking.id);

    // On the day, at the desk, she opens 订单 → 签到码: the QR, and under it six big digits in two groups.
    await residentPage.goto(`${baseUrl}/#/pages/orders/index`);
    const card = residentPage.locator('.booking-card', { hasText: '社保医保代办' }).first();
    await card.locator('.booking-check-in').first().tap({ timeout: 20_000 });
    const digits = card.locator('.check-in-code__short').first();
    await digits.waitFor({ timeout: 20_000 });
    const spoken = (await digits.innerText()).trim();
    expect(spoken).toMatch(/^\d{3} \d{3}$/);
    await card.getByText('扫不了时，请把这 6 位数字念给工作人员').first().waitFor({ state: 'visible', timeout: 20_000 });
    // Big enough to read across a desk.
    expect(await digits.evaluate((node) => parseFloat(getComputedStyle(node).fontSize))).toBeGreaterThanOrEqual(40);

    // 张敏 signs in with her password on the staff pages.
    await staffPage.goto(`${baseUrl}/#/staff/pages/login/index`);
    await staffPage.locator('.staff-login-username input').first().fill('anda.staff', { timeout: 20_000 });
    await staffPage.locator('.staff-login-password input').first().fill('Linli@2026');
    await staffPage.locator('.staff-login-submit').first().tap();
    await staffPage.locator('.staff-greeting', { hasText: '张敏' }).first().waitFor({ timeout: 20_000 });

    // 今日预约 offers her one centre, already chosen, with 王秀英's booking today.
    await staffPage.goto(`${baseUrl}/#/staff/pages/bookings/index`);
    const row = staffPage.locator('.staff-booking', { hasText: '王秀英' }).filter({ hasText: '已预约' }).first();
    await row.waitFor({ timeout: 20_000 });
    expect(await staffPage.locator('.staff-centre').allInnerTexts()).toEqual(['安大社区市民中心']);

    // She types what 王秀英 reads out, on the number pad, and taps 签到.
    const input = staffPage.locator('.staff-check-in-code input').first();
    expect(await input.getAttribute('type')).toBe('number');
    await input.tap();
    await input.pressSequentially(spoken.replace(' ', ''));
    await staffPage.locator('.staff-check-in-submit').first().tap();
    await staffPage.locator('.staff-desk__message--done', { hasText: '王秀英 已签到' }).first().waitFor({ timeout: 20_000 });
    await staffPage.locator('.staff-booking', { hasText: '王秀英' }).filter({ hasText: '已签到' }).first().waitFor({ timeout: 20_000 });
    const checkedIn = (await (await fetch(`${baseUrl}/api/bookings`, { headers: { authorization: `Bearer ${token}` } })).json()).items.find(
      (item: { id: string }) => item.id === booking.id,
    );
    expect(checkedIn.status).toBe('checked_in');

    // 统计 offers her centre alone for the CSV export; 派单看板 has no centre filter at all for a one-centre area.
    await staffPage.goto(`${baseUrl}/#/staff/pages/statistics/index`);
    const exportCentres = staffPage.locator('.stats-export .staff-centre');
    await exportCentres.first().waitFor({ timeout: 20_000 });
    expect(await exportCentres.allInnerTexts()).toEqual(['安大社区市民中心']);
    await staffPage.goto(`${baseUrl}/#/staff/pages/dispatch/index`);
    await staffPage.locator('.staff-dispatch-tab', { hasText: /\d/ }).first().waitFor({ timeout: 20_000 });
    expect(await staffPage.locator('.staff-dispatch-centre').count()).toBe(0);
    const board = await staffPage.locator('body').innerText();
    for (const elsewhere of ['三里庵街道市民中心', '金寨路社区市民中心', '南屏社区市民中心']) expect(board).not.toContain(elsewhere);
  });
});
