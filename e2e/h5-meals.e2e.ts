import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './support/api-process';
import { onePhonePerTest, signInAs } from './support/h5-harness';

import type { Locator } from 'playwright-core';

const SCREENSHOTS = join(REPO_ROOT, '.test-artifacts', 'screenshots');

/** `¥95.00` → 9500 fen. */
function fenOf(text: string): number {
  const match = /¥(\d+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no amount in "${text}"`);
  return Number(match[1]) * 100 + Number(match[2]);
}

/**
 * 老年助餐 in the built H5 app on a phone-sized Chromium with the seeded demo data: 李明 orders lunch for his father
 * 李建国 (安大社区, 低保 verified, ¥100 on his meal balance) at 安大社区助餐点. Tomorrow's lunch is ordered, whose cut-off
 * (09:30 tomorrow) is always ahead, so the test does not depend on the time of day.
 */
describe('H5 elder meals in Chromium', () => {
  const phone = onePhonePerTest();
  let taps = 0;
  const tap = async (target: Locator) => {
    await target.tap({ timeout: 20_000 });
    taps += 1;
  };
  /** A screenshot to look at, with `target` scrolled into view once the page's slide-in animation is over. */
  const shot = async (name: string, target?: Locator) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await phone.page.waitForTimeout(600);
    await target?.scrollIntoViewIfNeeded();
    await phone.page.screenshot({ path: join(SCREENSHOTS, `meals-${name}.png`) });
  };

  phone.test('李明 orders tomorrow’s lunch for 李建国 from 首页, paid from the balance, and finds it with its pickup code', async () => {
    const { page } = phone;
    const baseUrl = phone.harness.api.baseUrl;
    await signInAs(page, baseUrl, '李明');
    await page.locator('.profile-name', { hasText: '李明' }).first().waitFor({ timeout: 20_000 });
    taps = 0;

    // 首页: 老年助餐 is a tile of its own, above the service categories.
    await page.locator('.weui-tabbar__label', { hasText: '首页' }).tap();
    // The 便民网点 tile below it shares its look (and class): the one saying 老年助餐.
    const mealTile = page.locator('.meal-tile', { hasText: '老年助餐' });
    await mealTile.waitFor({ timeout: 20_000 });
    await shot('1-home');
    await tap(mealTile);

    // The meal home: for whom (李明 himself first), the meal point of 安大社区, the menu with tags and cut-off.
    const people = page.locator('.choice-grid', { hasText: '为谁订餐' }).locator('.choice-grid__option');
    await people.first().waitFor({ timeout: 20_000 });
    expect(await people.allInnerTexts()).toEqual(['李明（本人）', '李建国（父亲）']);
    await tap(people.filter({ hasText: '李建国' }));
    await page.locator('.meal-point', { hasText: '安大社区助餐点' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.meal-point').first().innerText()).toContain('为李建国所在社区供餐');

    await tap(page.locator('.choice-grid__option', { hasText: '明天' }));
    const lunch = page.locator('.meal-section[data-meal="lunch"]');
    await lunch.locator('.meal-price').first().waitFor({ timeout: 20_000 });
    const lunchText = await lunch.innerText();
    expect(lunchText).toContain('09:30 前可订/可改');
    // The price after subsidy for 李建国 (低保 verified: ¥10 off a lunch), the menu price crossed out beside it.
    const firstDish = lunch.locator('.dish-card').first();
    const dishName = await firstDish.locator('.dish-card__name').innerText();
    const dishText = await firstDish.innerText();
    expect(dishText).toMatch(/原价 ¥\d+\.\d{2}/);
    expect(dishText).toContain('补贴 ¥10.00');
    expect(dishText).toMatch(/实付 ¥\d+\.\d{2}/);
    expect(await firstDish.locator('.dish-card__tag').count()).toBeGreaterThan(0);
    await shot('2-meal-home', firstDish);

    // Ordering: the dish tapped comes with one portion; pay from the balance, whose amount the choice shows.
    await tap(firstDish.locator('.dish-card__order'));
    const form = page.locator('.meal-form');
    await form.waitFor({ timeout: 20_000 });
    expect(await form.locator('.meal-form__title').innerText()).toContain('李建国');
    // The balance arrives a moment after the form.
    const balanceOption = page.locator('.choice-grid__option', { hasText: '助餐余额（余额 ¥' });
    await balanceOption.waitFor({ timeout: 20_000 });
    const balanceBefore = fenOf(await balanceOption.innerText());
    await tap(balanceOption);
    await form.locator('.meal-price__subsidy').waitFor({ timeout: 20_000 });
    const payable = fenOf(await form.locator('.meal-price__payable').innerText());
    expect(await form.locator('.meal-price').innerText()).toContain('补贴 ¥10.00');
    await shot('3-order-form', form.locator('.meal-price'));
    await tap(page.locator('.meal-form__submit'));
    // The read-back: for whom, which meal, what, where, what is paid and how; nothing is ordered before its 确认.
    const step = page.locator('.meal-confirm-step');
    await step.waitFor({ timeout: 20_000 });
    const sentence = await step.locator('.read-back__sentence').innerText();
    expect(sentence).toMatch(/^将为 李建国 订 明天\d+月\d+日（周.）的午餐：/);
    for (const part of [`${dishName} 1 份`, '安大社区助餐点', `实付 ${(payable / 100).toFixed(2)} 元，助餐余额`]) expect(sentence).toContain(part);
    await shot('3b-read-back', step);
    await tap(step.locator('.meal-confirm'));

    const saved = page.locator('.meal-saved');
    await saved.waitFor({ timeout: 20_000 });
    const savedText = await saved.innerText();
    expect(savedText).toContain('订餐成功');
    expect(savedText).toContain('已支付');
    expect(savedText).toContain(`${dishName} × 1`);
    await shot('4-ordered');

    // The pickup code: the QR and six big digits.
    await tap(page.locator('.meal-saved__code'));
    const digits = page.locator('.check-in-code__short');
    await digits.waitFor({ timeout: 20_000 });
    expect((await digits.innerText()).replace(/\s/g, '')).toMatch(/^\d{6}$/);
    expect(await page.locator('.check-in-code__qr').count()).toBe(1);
    await shot('5-pickup-code', digits);
    const tapsToCode = taps;

    // 我的订餐 lists it, with its code, change and cancel (tomorrow’s cut-off is ahead).
    await page.goto(`${baseUrl}/#/meals/pages/orders/index`);
    // The pickup page stays underneath with its own card of the order (no buttons): the list's card has them.
    const card = page.locator('.meal-order', { hasText: dishName, has: page.locator('.meal-order__actions') }).first();
    await card.waitFor({ timeout: 20_000 });
    const cardText = await card.innerText();
    expect(cardText).toContain('用餐人：李建国');
    expect(cardText).toContain('已支付');
    for (const button of ['.meal-order__code', '.meal-order__change', '.meal-order__cancel']) expect(await card.locator(button).count()).toBe(1);
    await shot('6-orders', card);

    // The balance went down by what was payable, and the ledger shows the meal.
    await page.goto(`${baseUrl}/#/meals/pages/balance/index`);
    const total = page.locator('.balance-total__amount');
    await total.waitFor({ timeout: 20_000 });
    expect(await page.locator('.balance-total__label').innerText()).toContain('李建国');
    expect(fenOf(await total.innerText())).toBe(balanceBefore - payable);
    expect(await page.locator('.balance-entry').first().innerText()).toContain('餐费');
    await shot('7-balance', page.locator('.balance-entry').first());

    // 首页 → the pickup code in eight taps: 老年助餐, 李建国, 明天, 订这份午餐, 助餐余额, 确认订餐, 确认订餐 on the read-back, 查看取餐码.
    expect(tapsToCode).toBe(8);
  });

  phone.test('李明 tops up 李建国’s balance by ¥100 and pays tomorrow’s lunch with 微信支付, both through the labelled 模拟支付', async () => {
    const { page } = phone;
    const baseUrl = phone.harness.api.baseUrl;
    await signInAs(page, baseUrl, '李明');
    await page.locator('.profile-name', { hasText: '李明' }).first().waitFor({ timeout: 20_000 });

    // 在线充值 on the balance screen: 100 元, 模拟支付 (the H5 demo has no WeChat cashier), credited once confirmed.
    await page.goto(`${baseUrl}/#/meals/pages/balance/index`);
    await tap(page.locator('.choice-grid', { hasText: '看谁的余额' }).locator('.choice-grid__option', { hasText: '李建国' }));
    await page.locator('.balance-total__label', { hasText: '李建国' }).waitFor({ timeout: 20_000 });
    const total = page.locator('.balance-total__amount');
    const before = fenOf(await total.innerText());
    const topUp = page.locator('.balance-top-up');
    await tap(topUp.locator('.choice-grid__option', { hasText: '¥100.00' }));
    expect(await topUp.locator('.wechat-pay__demo').innerText()).toContain('不会真实扣款');
    await tap(topUp.locator('.wechat-pay__button', { hasText: '模拟支付 ¥100.00（演示）' }));
    await topUp.locator('.wechat-pay__message--paid').waitFor({ timeout: 20_000 });
    await page.waitForFunction((expected) => document.querySelector('.balance-total__amount')?.textContent === expected, `¥${((before + 10_000) / 100).toFixed(2)}`, {
      timeout: 20_000,
    });
    expect(await page.locator('.balance-entry').first().innerText()).toContain('充值 · 微信支付');
    await shot('8-top-up', topUp);

    // 微信支付 for tomorrow's lunch: placed unpaid, 模拟支付, then 订餐成功 once the API's check confirms it.
    await page.goto(`${baseUrl}/#/meals/pages/index/index`);
    const people = page.locator('.choice-grid', { hasText: '为谁订餐' }).locator('.choice-grid__option');
    await tap(people.filter({ hasText: '李建国' }));
    await tap(page.locator('.choice-grid__option', { hasText: '明天' }));
    const lunch = page.locator('.meal-section[data-meal="lunch"]');
    await lunch.locator('.dish-card__order').first().waitFor({ timeout: 20_000 });
    await tap(lunch.locator('.dish-card__order').first());
    await page.locator('.meal-form').waitFor({ timeout: 20_000 });
    await tap(page.locator('.choice-grid__option', { hasText: '微信支付' }));
    await tap(page.locator('.meal-form__submit'));
    await tap(page.locator('.meal-confirm'));
    const saved = page.locator('.meal-saved');
    await saved.locator('.meal-saved__title', { hasText: '已下单，请完成微信支付' }).waitFor({ timeout: 20_000 });
    await tap(saved.locator('.wechat-pay__button', { hasText: '模拟支付' }));
    await saved.locator('.meal-saved__title', { hasText: '订餐成功' }).waitFor({ timeout: 20_000 });
    expect(await saved.innerText()).toContain('已支付');
    expect(await saved.locator('.meal-saved__code').count()).toBe(1);
    await shot('9-wechat-paid', saved);
  });
});
