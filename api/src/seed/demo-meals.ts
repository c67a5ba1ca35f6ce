import { In, type EntityManager } from 'typeorm';
import { addDays, shanghaiDateOf, type DishKind, type DishTag, type MealKind } from '@linli/shared';
import { Dish } from '../modules/meals/dish.entity';
import { MealPointCommunity } from '../modules/meals/meal-point-community.entity';
import { MealPoint } from '../modules/meals/meal-point.entity';
import { MealWindowRow } from '../modules/meals/meal-window.entity';
import { stableId } from './stable-id';

const ANDA_CANTEEN = stableId('provider', 'anda-canteen');
const ANDA_MEAL_POINT = stableId('meal-point', 'anda');
const MENU_DAYS = 7;

interface DemoDish {
  name: string;
  kind: DishKind;
  priceFen: number;
  tags: DishTag[];
  allergens?: string[];
  dailyQuantity?: number;
}

/** Two weekly rotations a canteen would plausibly cook: set meals with a soft or low-sugar choice, and porridge. */
const DEMO_MENU: Record<Extract<MealKind, 'lunch' | 'dinner'>, DemoDish[][]> = {
  lunch: [
    [
      { name: '红烧鸡腿套餐', kind: 'set_meal', priceFen: 1500, tags: ['low_salt'], dailyQuantity: 60 },
      { name: '清蒸鲈鱼套餐', kind: 'set_meal', priceFen: 1800, tags: ['low_oil', 'soft'], allergens: ['鱼'], dailyQuantity: 30 },
      { name: '杂粮饭（糖尿病餐）', kind: 'single', priceFen: 300, tags: ['low_sugar'] },
    ],
    [
      { name: '番茄牛腩套餐', kind: 'set_meal', priceFen: 1600, tags: ['soft'], dailyQuantity: 50 },
      { name: '香菇青菜豆腐套餐', kind: 'set_meal', priceFen: 1200, tags: ['vegetarian', 'low_salt'], allergens: ['大豆'] },
      { name: '杂粮饭（糖尿病餐）', kind: 'single', priceFen: 300, tags: ['low_sugar'] },
    ],
  ],
  dinner: [
    [
      { name: '小米南瓜粥', kind: 'single', priceFen: 400, tags: ['soft', 'low_sugar'] },
      { name: '肉末蒸蛋套餐', kind: 'set_meal', priceFen: 1000, tags: ['soft', 'low_salt'], allergens: ['鸡蛋'], dailyQuantity: 40 },
    ],
    [
      { name: '青菜肉丝面', kind: 'single', priceFen: 800, tags: ['soft'], allergens: ['小麦'] },
      { name: '清真牛肉拉面', kind: 'single', priceFen: 1200, tags: ['halal'], allergens: ['小麦'], dailyQuantity: 30 },
    ],
  ],
};

/**
 * 安大社区长者食堂's meal point (its provider and provider_admin are seeded with the other providers): serving 安大社区
 * and 金寨路社区, lunch ordered by 09:30 and dinner by 14:00, and a week of menus from today (Shanghai). Inserts only
 * what is missing, like the rest of the demo seed: a later run adds the days that have come into the week.
 */
export async function seedDemoMeals(manager: EntityManager, today = shanghaiDateOf(new Date())): Promise<void> {
  if (!(await manager.getRepository(MealPoint).existsBy({ id: ANDA_MEAL_POINT }))) {
    await manager.getRepository(MealPoint).insert({
      id: ANDA_MEAL_POINT,
      providerId: ANDA_CANTEEN,
      name: '安大社区助餐点',
      address: '蜀山区肥西路 3 号安大社区服务中心一楼',
      latitudeE6: 31_845_200,
      longitudeE6: 117_261_100,
      phone: '0551-65101088',
      regionId: stableId('region', '340104001001'),
      districtId: stableId('region', '340104'),
      fulfilments: ['dine_in', 'pickup', 'delivery'],
      deliveryRadiusMeters: 1500,
      deliveryFeeFen: 300,
    });
    await manager
      .getRepository(MealPointCommunity)
      .insert(['340104001001', '340104001002'].map((code) => ({ mealPointId: ANDA_MEAL_POINT, communityId: stableId('region', code) })));
    await manager.getRepository(MealWindowRow).insert([
      { mealPointId: ANDA_MEAL_POINT, mealKind: 'lunch', servesFrom: '11:00', servesUntil: '12:30', cutOffTime: '09:30', cutOffDaysBefore: 0, capacity: 120 },
      { mealPointId: ANDA_MEAL_POINT, mealKind: 'dinner', servesFrom: '17:00', servesUntil: '18:30', cutOffTime: '14:00', cutOffDaysBefore: 0, capacity: 80 },
    ]);
  }
  const dates = Array.from({ length: MENU_DAYS }, (_, offset) => addDays(today, offset));
  const published = new Set(
    (await manager.getRepository(Dish).find({ select: { mealDate: true, mealKind: true }, where: { mealPointId: ANDA_MEAL_POINT, mealDate: In(dates) } })).map(
      (dish) => `${dish.mealDate}|${dish.mealKind}`,
    ),
  );
  const dishes = dates.flatMap((mealDate, offset) =>
    (['lunch', 'dinner'] as const)
      .filter((mealKind) => !published.has(`${mealDate}|${mealKind}`))
      .flatMap((mealKind) =>
        DEMO_MENU[mealKind][offset % 2].map((dish, position) => ({
          id: stableId('dish', `anda:${mealDate}:${mealKind}:${position}`),
          mealPointId: ANDA_MEAL_POINT,
          mealDate,
          mealKind,
          position,
          name: dish.name,
          kind: dish.kind,
          priceFen: dish.priceFen,
          tags: dish.tags,
          allergens: dish.allergens ?? null,
          photoUrl: null,
          dailyQuantity: dish.dailyQuantity ?? null,
          remaining: dish.dailyQuantity ?? null,
        })),
      ),
  );
  if (dishes.length > 0) await manager.getRepository(Dish).insert(dishes);
}
