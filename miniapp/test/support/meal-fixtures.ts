import { addDays, shanghaiDateOf } from '@linli/shared';

import type { MealPointListItem, MealPrice, MealQuoteInput, MenuMealView } from '@linli/shared';

/**
 * 安大社区助餐点 and its menus for today and tomorrow, and 李建国's price (低保: ¥10 off a lunch). Plain data, no Taro
 * imports, so the weapp tests that run the built package can use it too.
 */
export const TODAY = shanghaiDateOf(new Date());
export const TOMORROW = addDays(TODAY, 1);

export const mealPoint: MealPointListItem = {
  id: 'point-anda',
  providerId: 'canteen-anda',
  providerName: '安大社区长者食堂',
  name: '安大社区助餐点',
  address: '肥西路 3 号',
  latitude: 31.8452,
  longitude: 117.2625,
  phone: '0551-0000',
  regionId: 'community-anda',
  regionName: '安大社区',
  districtId: 'district-shushan',
  communities: [{ id: 'community-anda', name: '安大社区' }],
  windows: [],
  fulfilments: ['dine_in', 'pickup', 'delivery'],
  deliveryRadiusMeters: 2000,
  deliveryFeeFen: 300,
  servesMyCommunity: true,
  meters: null,
};

const dish = (id: string, name: string, priceFen: number, mealDate: string, mealKind: 'lunch' | 'dinner', remaining: number | null = 20) => ({
  id,
  name,
  kind: 'set_meal' as const,
  priceFen,
  tags: ['low_salt' as const, 'soft' as const],
  allergens: [],
  photoUrl: null,
  dailyQuantity: remaining,
  mealDate,
  mealKind,
  remaining,
});

/** Today: lunch past its cut-off, dinner closed; tomorrow: lunch open with a dish sold out. */
export function weekMenu(): MenuMealView[] {
  return [
    {
      mealDate: TODAY,
      mealKind: 'lunch',
      closedReason: null,
      cutOffAt: `${TODAY}T01:30:00.000Z`,
      orderable: false,
      capacityLeft: 10,
      dishes: [dish('d-today', '红烧鸡腿套餐', 1500, TODAY, 'lunch')],
    },
    { mealDate: TODAY, mealKind: 'dinner', closedReason: '设备检修', cutOffAt: `${TODAY}T06:00:00.000Z`, orderable: false, capacityLeft: 10, dishes: [] },
    {
      mealDate: TOMORROW,
      mealKind: 'lunch',
      closedReason: null,
      cutOffAt: `${TOMORROW}T01:30:00.000Z`,
      orderable: true,
      capacityLeft: 10,
      dishes: [dish('d-chicken', '红烧鸡腿套餐', 1500, TOMORROW, 'lunch'), dish('d-fish', '清蒸鲈鱼套餐', 1800, TOMORROW, 'lunch', 0)],
    },
  ];
}

/** 低保: ¥10 off each lunch. */
export function priceOf(input: MealQuoteInput): MealPrice {
  const gross = input.lines.reduce((sum, line) => sum + line.quantity * (line.dishId === 'd-fish' ? 1800 : 1500), 0);
  const subsidy = Math.min(gross, 1000);
  return {
    gross,
    subsidy,
    payable: gross - subsidy,
    deliveryFeeGross: 0,
    deliverySubsidy: 0,
    deliveryFee: 0,
    total: gross - subsidy,
    appliedRuleIds: ['rule-dibao'],
    applied: [{ ruleId: 'rule-dibao', capGroupId: 'g', mealFen: subsidy, deliveryFen: 0, explanation: '蜀山区低保特困老人助餐补贴：每餐补贴10.00元' }],
    explanation: ['蜀山区低保特困老人助餐补贴：每餐补贴10.00元'],
    withheld: [],
  };
}
