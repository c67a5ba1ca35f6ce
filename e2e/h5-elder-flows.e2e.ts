import { DataSource } from 'typeorm';

import { onePhonePerTest, signInAs } from './support/h5-harness';

import type { Locator, Page } from 'playwright-core';

/*
 * Elder mode's flows in the built H5 app (issue 16), counted as a resident makes them: each tap() is one real touch
 * on a 390 × 844 phone, from 首页 to the read-back confirmation screen — the screen that says in words what will
 * happen, for whom, where and when, with one big 确认 and 返回修改. Issue 16 asks for ≤ 4 taps for booking a common
 * centre service for oneself and for ordering today's lunch. 王秀英 (安大社区, no household) is the resident.
 */

/** The storage key of 长辈模式 ('on' | 'off'), as Taro's H5 storage keeps it ({data}); see docs/accessibility.md. */
const ELDER_MODE_KEY = 'linli.elderMode';
const MAX_TAPS = 4;

/**
 * In the page before the app starts: elder mode on, and a stand-in for the browser's speech synthesis that keeps what
 * it was asked to say (headless Chromium has no voices), so 朗读 can be checked.
 */
async function elderPhone(page: Page): Promise<void> {
  await page.addInitScript((key) => {
    window.localStorage.setItem(key, JSON.stringify({ data: 'on' }));
    const spoken: Array<{ text: string; lang: string }> = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    const synthesis = {
      speak(utterance: SpeechSynthesisUtterance) {
        spoken.push({ text: utterance.text, lang: utterance.lang });
        setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent), 50);
      },
      cancel() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  }, ELDER_MODE_KEY);
}

/** What 朗读 was asked to say on this page so far. */
function spokenOn(page: Page): Promise<Array<{ text: string; lang: string }>> {
  return page.evaluate(() => (window as unknown as { spoken: Array<{ text: string; lang: string }> }).spoken);
}

describe('H5 elder mode: taps from 首页 to the read-back (issue 16)', () => {
  const phone = onePhonePerTest();
  let taken: string[] = [];
  const tap = async (target: Locator, what: string) => {
    await target.tap({ timeout: 20_000 });
    taken.push(what);
  };
  const within = () => (taken.length <= MAX_TAPS ? 'within' : `${taken.length} taps: ${taken.join(' → ')}`);

  /** 王秀英 signs in on a phone in elder mode and opens 首页; no tap is counted yet. */
  async function wangOnHome(): Promise<Page> {
    const { page } = phone;
    const baseUrl = phone.harness.api.baseUrl;
    await elderPhone(page);
    await signInAs(page, baseUrl, '王秀英');
    await page.locator('.profile-name', { hasText: '王秀英' }).first().waitFor({ timeout: 20_000 });
    await page.goto(`${baseUrl}/#/pages/home/index`);
    await page.locator('.elder-mode .elder-tile').first().waitFor({ timeout: 20_000 });
    taken = [];
    return page;
  }

  phone.test(`booking 社保医保代办 for oneself: ≤ ${MAX_TAPS} taps from 首页 to the read-back, which reads aloud and books on 确认预约`, async () => {
    const page = await wangOnHome();

    await tap(page.locator('.elder-tile--book:visible'), '首页 预约服务');
    await tap(page.locator('.service-row:visible', { hasText: '社保医保代办' }).first(), '社保医保代办');
    await tap(page.locator('.book-button:visible').first(), '预约');
    // Her own community's centre and the first day with a free time are chosen for her: the times are already there.
    const slot = page.locator('.slot-option:visible:not(.slot-option--full):not(.slot-option--disabled)').first();
    await slot.waitFor({ timeout: 20_000 });
    expect(await page.locator('.booking-centre--selected:visible').innerText()).toContain('安大社区市民中心');
    // 联系社区 on the booking page: her centre's number, written out beside the button.
    expect(await page.locator('.contact-community__line:visible').innerText()).toMatch(/^安大社区市民中心：[\d-]+$/);
    await tap(slot, '时间');

    const step = page.locator('.booking-confirm-step:visible').first();
    await step.waitFor({ timeout: 20_000 });
    const sentence = await step.locator('.read-back__sentence').innerText();
    expect(sentence).toMatch(/^将为 王秀英 预约 (今天|明天|后天)?\d+月\d+日（周.）(上午|中午|下午)\d+:\d{2} 在 安大社区市民中心 的 社保医保代办$/);
    expect(await step.locator('.read-back__actions .nut-button').allInnerTexts()).toEqual(['确认预约', '返回修改']);
    expect(within()).toBe('within');

    // 朗读 says the same sentence, in Mandarin.
    await step.locator('.read-aloud').tap();
    await page.waitForFunction(() => (window as unknown as { spoken: unknown[] }).spoken.length > 0, undefined, { timeout: 10_000 });
    expect(await spokenOn(page)).toEqual([{ text: sentence, lang: 'zh-CN' }]);

    // Nothing is booked before 确认预约; one tap books it.
    await step.locator('.booking-confirm').tap();
    const success = page.locator('.booking-success:visible').first();
    await success.waitFor({ timeout: 20_000 });
    expect(await success.innerText()).toContain('预约人：王秀英');
    console.log(`booking taps: ${taken.length} — ${taken.join(' → ')}`);
  });

  phone.test(`ordering today’s lunch for oneself: ≤ ${MAX_TAPS} taps from 首页 to the read-back, and 确认订餐 places it`, async () => {
    // Today's lunch closes at 09:30: its cut-off moves to the end of the day, as the time-dependent tests here do.
    const database = await new DataSource({ type: 'better-sqlite3', database: phone.harness.databaseUrl.replace(/^sqlite:/, ''), timeout: 5_000 }).initialize();
    try {
      await database.query("UPDATE meal_window SET cut_off_time = '23:59', cut_off_days_before = 0 WHERE meal_kind = 'lunch'");
    } finally {
      await database.destroy();
    }
    const page = await wangOnHome();

    await tap(page.locator('.elder-tile--meals:visible'), '首页 老年助餐');
    const lunch = page.locator('.meal-section[data-meal="lunch"]:visible');
    await lunch.locator('.dish-card__order').first().waitFor({ timeout: 20_000 });
    // Today is chosen for her.
    expect(await page.locator('.choice-grid__option--selected:visible', { hasText: '今天' }).count()).toBe(1);
    const dish = await lunch.locator('.dish-card__name').first().innerText();
    await tap(lunch.locator('.dish-card__order').first(), '订这份午餐');
    const form = page.locator('.meal-form:visible');
    await form.locator('.meal-price').first().waitFor({ timeout: 20_000 });
    await tap(form.locator('.meal-form__submit'), '确认订餐');

    const step = page.locator('.meal-confirm-step:visible').first();
    await step.waitFor({ timeout: 20_000 });
    const sentence = await step.locator('.read-back__sentence').innerText();
    expect(sentence).toMatch(/^将为 王秀英 订 今天\d+月\d+日（周.）的午餐：/);
    expect(sentence).toContain(`${dish} 1 份`);
    expect(sentence).toMatch(/(堂食|自取)，实付 \d+\.\d{2} 元，到店付$/);
    expect(await step.locator('.read-back__actions .nut-button').allInnerTexts()).toEqual(['确认订餐', '返回修改']);
    expect(within()).toBe('within');
    // 联系社区 on the ordering page.
    expect(await page.locator('.contact-community__line:visible').innerText()).toContain('安大社区市民中心');

    await step.locator('.meal-confirm').tap();
    const saved = page.locator('.meal-saved:visible');
    await saved.locator('.meal-saved__title', { hasText: '订餐成功' }).waitFor({ timeout: 20_000 });
    expect(await saved.innerText()).toContain(`${dish} × 1`);
    console.log(`meal taps: ${taken.length} — ${taken.join(' → ')}`);
  });
});
