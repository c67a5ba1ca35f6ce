import { stableId } from '../api/src/seed/stable-id';
import { onePhonePerTest, signInAs } from './support/h5-harness';

const SOCIAL_INSURANCE = stableId('service', 'social_insurance');

/**
 * Residents booking in the built H5 app on a phone-sized Chromium, with the seeded demo people: 李明 books for his
 * father 李建国 (安大社区), 王秀英 (安大社区, no household) books for herself and finds it on 首页.
 */
describe('H5 resident booking in Chromium', () => {
  const phone = onePhonePerTest();
  let baseUrl: string;
  beforeAll(() => {
    baseUrl = phone.harness.api.baseUrl;
  });

  const browserTest = (name: string, body: () => Promise<void>) => phone.test(name, body);

  /** Signs in on the demo login and waits for 我的, where the demo login lands. */
  const signIn = async (name: string) => {
    await signInAs(phone.page, baseUrl, name);
    await phone.page.locator('.profile-name', { hasText: name }).first().waitFor({ timeout: 20_000 });
  };

  /** The first date, then its first time that can be booked; answers the time as the page printed it. */
  const pickFirstFreeSlot = async (): Promise<string> => {
    await phone.page.locator('.slot-date').first().tap({ timeout: 20_000 });
    const slot = phone.page.locator('.slot-option:not(.slot-option--disabled)').first();
    const time = await slot.locator('.slot-option__time').innerText({ timeout: 20_000 });
    await slot.tap();
    return time;
  };

  browserTest('李明 is asked for whom first; booking for his father, the centres and what to bring are his father’s', async () => {
    await signIn('李明');
    await phone.page.goto(`${baseUrl}/#/pages/book/index?id=${SOCIAL_INSURANCE}`);

    // 为谁预约 comes first, with nobody chosen for him; nothing else is asked until he says.
    const people = phone.page.locator('.booking-person');
    await people.first().waitFor({ timeout: 20_000 });
    expect(await people.allInnerTexts()).toEqual([expect.stringContaining('李明'), expect.stringContaining('李建国')]);
    expect(await phone.page.locator('.booking-person--selected').count()).toBe(0);
    expect(await phone.page.locator('.booking-centre').count()).toBe(0);
    await people.filter({ hasText: '李建国' }).first().tap();

    // His father lives in 安大社区: that centre comes first, marked as his.
    const firstCentre = phone.page.locator('.booking-centre').first();
    await firstCentre.waitFor({ timeout: 20_000 });
    expect(await firstCentre.innerText()).toContain('安大社区市民中心');
    expect(await firstCentre.innerText()).toContain('李建国所在社区');
    await firstCentre.tap();
    await pickFirstFreeSlot();

    const confirm = phone.page.locator('.booking-confirm-step').first();
    await confirm.waitFor({ timeout: 20_000 });
    const text = await confirm.innerText();
    expect(text).toContain('预约人：李建国（父亲）');
    expect(text).toContain('请李建国带上');
    expect(text).toContain('本人身份证');
    expect(text).not.toMatch(/请带上/);

    await phone.page.locator('.booking-confirm').first().tap();
    const success = phone.page.locator('.booking-success').first();
    await success.waitFor({ timeout: 20_000 });
    expect(await success.innerText()).toContain('预约人：李建国');
  });

  browserTest('王秀英 books for herself at her own community’s centre, then sees that booking at the top of 首页 with its 签到码', async () => {
    await signIn('王秀英');
    // 首页 first, as a resident would open the app: nothing is coming yet.
    await phone.page.locator('.weui-tabbar__label', { hasText: '首页' }).tap();
    await phone.page.locator('.category-tile').first().waitFor({ timeout: 20_000 });

    await phone.page.goto(`${baseUrl}/#/pages/book/index?id=${SOCIAL_INSURANCE}`);
    const firstCentre = phone.page.locator('.booking-centre').first();
    await firstCentre.waitFor({ timeout: 20_000 });
    // No household: nobody to ask about.
    expect(await phone.page.locator('.booking-person').count()).toBe(0);
    expect(await firstCentre.innerText()).toContain('安大社区市民中心');
    expect(await firstCentre.innerText()).toContain('您所在社区');
    await firstCentre.tap();
    const time = await pickFirstFreeSlot();
    const confirm = phone.page.locator('.booking-confirm-step').first();
    await confirm.waitFor({ timeout: 20_000 });
    expect(await confirm.innerText()).toContain('预约人：王秀英（本人）');
    await phone.page.locator('.booking-confirm').first().tap();
    await phone.page.locator('.booking-success').first().waitFor({ timeout: 20_000 });

    // Back to 首页 through the tabs: the booking is at the top, with its time, place and check-in code.
    await phone.page.locator('.book__to-orders').first().tap();
    await phone.page.waitForFunction(() => window.location.hash.includes('pages/orders/index'), undefined, { timeout: 10_000 });
    await phone.page.locator('.weui-tabbar__label', { hasText: '首页' }).tap();
    const next = phone.page.locator('.next-booking').first();
    await next.waitFor({ timeout: 20_000 });
    const card = await next.innerText();
    for (const expected of ['社保医保代办', time, '安大社区市民中心', '预约人：王秀英']) expect(card).toContain(expected);
    const box = await next.boundingBox();
    const tiles = await phone.page.locator('.category-tile').first().boundingBox();
    expect(box!.y).toBeLessThan(tiles!.y);

    await next.locator('.next-booking__check-in').tap();
    await next.locator('.check-in-code__qr').first().waitFor({ timeout: 20_000 });
  });
});
