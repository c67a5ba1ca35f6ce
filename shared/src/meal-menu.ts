/**
 * The words of elder meals (老年助餐) that menus, orders and subsidy rules share: which meal, how it reaches the
 * elder, and the dietary tags a dish carries. Money is always integer fen (分), never a float of yuan.
 */
export const MEAL_KINDS = ['breakfast', 'lunch', 'dinner'] as const;
export type MealKind = (typeof MEAL_KINDS)[number];

export const MEAL_KIND_LABELS: Record<MealKind, string> = {
  breakfast: '早餐',
  lunch: '午餐',
  dinner: '晚餐',
};

/** 堂食: eaten at the meal point; 自取: collected there and taken home; 送餐: brought to the door by a worker. */
export const MEAL_FULFILMENTS = ['dine_in', 'pickup', 'delivery'] as const;
export type MealFulfilment = (typeof MEAL_FULFILMENTS)[number];

export const MEAL_FULFILMENT_LABELS: Record<MealFulfilment, string> = {
  dine_in: '堂食',
  pickup: '自取',
  delivery: '送餐',
};

export const DISH_TAGS = ['low_salt', 'low_oil', 'low_sugar', 'soft', 'halal', 'vegetarian'] as const;
export type DishTag = (typeof DISH_TAGS)[number];

export const DISH_TAG_LABELS: Record<DishTag, string> = {
  low_salt: '少盐',
  low_oil: '少油',
  low_sugar: '低糖/糖尿病餐',
  soft: '软烂易嚼',
  halal: '清真',
  vegetarian: '素食',
};

/** One line of a meal order: a set meal (套餐) or a single dish, priced as the menu said when the order was placed. */
export interface MealOrderLine {
  dishId: string;
  name: string;
  /** Menu price of one portion, integer fen. */
  unitPriceFen: number;
  /** Portions, a positive integer. */
  quantity: number;
  tags: readonly DishTag[];
}

/** Validation problems of order lines (empty when fine): pricing refuses an order with any of them. */
export function validateMealOrderLines(lines: readonly MealOrderLine[]): string[] {
  if (lines.length === 0) return ['at least one line is required'];
  const problems: string[] = [];
  lines.forEach((line, index) => {
    if (!(Number.isInteger(line.unitPriceFen) && line.unitPriceFen >= 0)) problems.push(`line ${index + 1}: unitPriceFen must be a whole number of fen, 0 or more`);
    if (!(Number.isInteger(line.quantity) && line.quantity >= 1)) problems.push(`line ${index + 1}: quantity must be a whole number, 1 or more`);
  });
  return problems;
}
