import { stableId } from '../../api/src/seed/stable-id';
import type { Page } from './h5-harness';

const SOCIAL_INSURANCE = stableId('service', 'social_insurance');

/**
 * 王秀英 (signed in) books 社保医保代办 at 安大社区市民中心 in its first date's first time that is not full, and waits
 * for 预约成功. She has no household, so there is no one to choose for.
 */
export async function wangBooksSocialInsuranceAtAnda(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/book/index?id=${SOCIAL_INSURANCE}`);
  const centre = page.locator('.booking-centre', { hasText: '安大社区市民中心' }).first();
  await centre.waitFor({ timeout: 20_000 });
  await centre.tap();
  await page.locator('.slot-date').first().tap({ timeout: 20_000 });
  await page.locator('.slot-option:not(.slot-option--full)').first().tap({ timeout: 20_000 });
  await page.locator('.booking-confirm').first().tap({ timeout: 20_000 });
  await page.locator('.booking-success').first().waitFor({ timeout: 20_000 });
}
