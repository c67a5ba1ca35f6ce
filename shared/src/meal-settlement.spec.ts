import { MEAL_ORDER_STATUSES } from './meal-order';
import { countsInMealSettlement, maskPersonName, monthDateRange, totalMealSettlement, type MealSettlementRuleShare } from './meal-settlement';

const ANDA = { mealPointId: 'point-anda', mealPointName: '安大社区助餐点' };
const JINZHAI = { mealPointId: 'point-jinzhai', mealPointName: '+金寨路助餐点' };

function row(
  grossFen: number,
  subsidyFen: number,
  deliveryFeeGrossFen: number,
  deliverySubsidyFen: number,
  rules: MealSettlementRuleShare[],
  point: { mealPointId: string; mealPointName: string } = ANDA,
) {
  const payableFen = grossFen - subsidyFen;
  const deliveryFeeFen = deliveryFeeGrossFen - deliverySubsidyFen;
  return { grossFen, subsidyFen, payableFen, deliveryFeeGrossFen, deliverySubsidyFen, deliveryFeeFen, totalFen: payableFen + deliveryFeeFen, rules, ...point };
}

describe('meal settlement', () => {
  it('counts every status but cancelled and refunded', () => {
    expect(MEAL_ORDER_STATUSES.filter((status) => !countsInMealSettlement(status))).toEqual(['cancelled', 'refunded']);
  });

  it.each([
    ['王秀英', '王*英'],
    ['李明', '李*'],
    ['欧阳娜娜', '欧**娜'],
    ['王', '*'],
    ['', ''],
    ['=HYPERLINK', '=********K'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });

  it.each([
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026-12', '2026-12-01', '2026-12-31'],
    ['2026-04', '2026-04-01', '2026-04-30'],
  ])('month %s runs from %s to %s', (month, from, to) => {
    expect(monthDateRange(month)).toEqual({ from, to });
  });

  it('totals are the exact sums of the rows, and the rules add up to the subsidies', () => {
    const rows = [
      row(1500, 1000, 300, 300, [
        { ruleId: 'hardship', mealFen: 1000, deliveryFen: 0 },
        { ruleId: 'delivery', mealFen: 0, deliveryFen: 300 },
      ]),
      row(1333, 667, 0, 0, [{ ruleId: 'percent', mealFen: 667, deliveryFen: 0 }], JINZHAI),
      row(1200, 600, 0, 0, [{ ruleId: 'age-80', mealFen: 600, deliveryFen: 0 }]),
      row(801, 1, 250, 125, [
        { ruleId: 'percent', mealFen: 1, deliveryFen: 0 },
        { ruleId: 'delivery', mealFen: 0, deliveryFen: 125 },
      ]),
    ];
    const { totals, byRule, byMealPoint } = totalMealSettlement(rows);
    expect(totals).toEqual({
      meals: 4,
      grossFen: 4834,
      subsidyFen: 2268,
      payableFen: 2566,
      deliveryFeeGrossFen: 550,
      deliverySubsidyFen: 425,
      deliveryFeeFen: 125,
      totalFen: 2691,
    });
    expect(totals.subsidyFen + totals.payableFen).toBe(totals.grossFen);
    expect(byRule).toEqual([
      { ruleId: 'age-80', meals: 1, mealFen: 600, deliveryFen: 0 },
      { ruleId: 'delivery', meals: 2, mealFen: 0, deliveryFen: 425 },
      { ruleId: 'hardship', meals: 1, mealFen: 1000, deliveryFen: 0 },
      { ruleId: 'percent', meals: 2, mealFen: 668, deliveryFen: 0 },
    ]);
    expect(byRule.reduce((total, rule) => total + rule.mealFen, 0)).toBe(totals.subsidyFen);
    expect(byRule.reduce((total, rule) => total + rule.deliveryFen, 0)).toBe(totals.deliverySubsidyFen);
    // Points by name in code-unit order ('+' before any CJK character), each the sums of its own rows.
    expect(byMealPoint).toEqual([
      { ...JINZHAI, totals: { meals: 1, grossFen: 1333, subsidyFen: 667, payableFen: 666, deliveryFeeGrossFen: 0, deliverySubsidyFen: 0, deliveryFeeFen: 0, totalFen: 666 } },
      {
        ...ANDA,
        totals: { meals: 3, grossFen: 3501, subsidyFen: 1601, payableFen: 1900, deliveryFeeGrossFen: 550, deliverySubsidyFen: 425, deliveryFeeFen: 125, totalFen: 2025 },
      },
    ]);
  });

  it.each([
    ['one point', [ANDA]],
    ['two points', [ANDA, JINZHAI]],
    ['three points, two with one name', [ANDA, JINZHAI, { mealPointId: 'point-anda-2', mealPointName: ANDA.mealPointName }]],
  ])('the meal points’ totals add up to the whole, field by field: %s', (_case, points) => {
    const rows = Array.from({ length: 17 }, (_, index) =>
      row(
        900 + index * 37,
        1 + index * 53,
        index % 3 === 0 ? 300 : 0,
        index % 3 === 0 ? 150 + index : 0,
        [{ ruleId: `rule-${index % 4}`, mealFen: 1 + index * 53, deliveryFen: 0 }],
        points[index % points.length],
      ),
    );
    const { totals, byMealPoint } = totalMealSettlement(rows);
    expect(byMealPoint.map((point) => point.mealPointId).sort()).toEqual(points.map((point) => point.mealPointId).sort());
    for (const field of Object.keys(totals) as Array<keyof typeof totals>) {
      expect(byMealPoint.reduce((sum, point) => sum + point.totals[field], 0)).toBe(totals[field]);
    }
  });

  it('an empty month totals zero', () => {
    expect(totalMealSettlement([])).toEqual({
      totals: { meals: 0, grossFen: 0, subsidyFen: 0, payableFen: 0, deliveryFeeGrossFen: 0, deliverySubsidyFen: 0, deliveryFeeFen: 0, totalFen: 0 },
      byRule: [],
      byMealPoint: [],
    });
  });
});
