import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  addDays,
  beforeMealCutOff,
  mealCutOffAt,
  parseDate,
  shanghaiDateOf,
  type DishInput,
  type DishView,
  type MealKind,
  type MenuMealInput,
  type MenuMealView,
  type MenuPublishResult,
  type MenuView,
} from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { ValidationFailedError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import type { Dish } from './dish.entity';
import { DishPhotosService } from './dish-photos.service';
import { MealPointAccess } from './meal-point-access';
import type { MealPoint } from './meal-point.entity';
import { MealsRepository } from './meals.repository';
import { mealDateOutOfRange, mealNotServed, menuHasOrders } from './meals.errors';

/** How far ahead a menu may be published, and the longest range one read returns. */
const MENU_HORIZON_DAYS = 60;
const MAX_MENU_RANGE_DAYS = 31;
const WEEK_DAYS = 7;

const mealKey = (mealDate: string, mealKind: MealKind) => `${mealDate}|${mealKind}`;

/** A dish as menus show it; `photoPath` signs the path to an uploaded photo. */
export function toDishView(dish: Dish, photoPath: (photoId: string) => string): DishView {
  return {
    id: dish.id,
    mealDate: dish.mealDate,
    mealKind: dish.mealKind,
    name: dish.name,
    kind: dish.kind,
    priceFen: dish.priceFen,
    tags: dish.tags ?? [],
    allergens: dish.allergens ?? [],
    photoUrl: dish.photoId ? photoPath(dish.photoId) : dish.photoUrl,
    photoId: dish.photoId,
    dailyQuantity: dish.dailyQuantity,
    remaining: dish.remaining,
  };
}

/** A stored dish as input again (copying a week): the photo as stored, not the signed path a view carries. */
function dishInputOf(dish: Dish): DishInput {
  return {
    name: dish.name,
    kind: dish.kind,
    priceFen: dish.priceFen,
    tags: dish.tags ?? [],
    allergens: dish.allergens ?? [],
    photoUrl: dish.photoUrl,
    photoId: dish.photoId,
    dailyQuantity: dish.dailyQuantity,
  };
}

/** The window of a meal the point serves, or MEAL_NOT_OFFERED. */
export function windowOf(point: MealPoint, mealKind: MealKind) {
  const window = point.windows.find((candidate) => candidate.mealKind === mealKind);
  if (!window) throw mealNotServed(mealKind);
  return window;
}

/**
 * Weekly menus of a meal point: read by anyone signed in; published, copied and changed by those who run the point.
 * A meal somebody has ordered is never replaced wholesale (its order lines point at its dishes and its counts are
 * the kitchen's): publishing skips it and says so, changing it is refused, and closing the day cancels its orders.
 */
@Injectable()
export class MenusService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly meals: MealsRepository,
    private readonly access: MealPointAccess,
    private readonly audit: AuditService,
    private readonly photos: DishPhotosService,
  ) {}

  /** The menu between two Shanghai dates (default: today and the six days after), one entry per served meal and date. */
  async menu(mealPointId: string, range: { from?: string; to?: string }, now = new Date()): Promise<MenuView> {
    const point = await this.access.readable(mealPointId);
    const from = range.from ?? shanghaiDateOf(now);
    const to = range.to ?? addDays(from, WEEK_DAYS - 1);
    if (to < from || addDays(from, MAX_MENU_RANGE_DAYS - 1) < to) {
      throw new ValidationFailedError([{ field: 'to', constraints: ['range'], message: `to 须不早于 from，且最多 ${MAX_MENU_RANGE_DAYS} 天` }]);
    }
    const [dishes, closures, counters] = await Promise.all([
      this.meals.listDishes(point.id, from, to),
      this.meals.listClosures(point.id, from, to),
      this.meals.listCounters(point.id, from, to),
    ]);
    const photoPath = (photoId: string) => this.photos.pathOf(photoId, now);
    const closedReason = new Map(closures.map((closure) => [closure.mealDate, closure.reason]));
    const ordered = new Map(counters.map((counter) => [mealKey(counter.mealDate, counter.mealKind), counter.ordered]));
    const meals: MenuMealView[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      for (const window of [...point.windows].sort((a, b) => a.cutOffTime.localeCompare(b.cutOffTime))) {
        const mealDishes = dishes.filter((dish) => dish.mealDate === date && dish.mealKind === window.mealKind).map((dish) => toDishView(dish, photoPath));
        const capacityLeft = Math.max(0, window.capacity - (ordered.get(mealKey(date, window.mealKind)) ?? 0));
        const reason = closedReason.get(date) ?? null;
        meals.push({
          mealDate: date,
          mealKind: window.mealKind,
          closedReason: reason,
          cutOffAt: mealCutOffAt(date, window.cutOffTime, window.cutOffDaysBefore).toISOString(),
          orderable: reason === null && mealDishes.length > 0 && capacityLeft > 0 && beforeMealCutOff(date, window.cutOffTime, now, window.cutOffDaysBefore),
          capacityLeft,
          dishes: mealDishes,
        });
      }
    }
    return { mealPointId: point.id, from, to, meals };
  }

  /** Publishes meals (usually a week): each is replaced unless it already has orders, which are left and listed. */
  async publish(auth: AuthContext, mealPointId: string, meals: MenuMealInput[], now = new Date()): Promise<MenuPublishResult> {
    const point = await this.access.managed(auth, mealPointId);
    const keys = meals.map((meal) => mealKey(meal.mealDate, meal.mealKind));
    if (new Set(keys).size !== keys.length) throw new ValidationFailedError([{ field: 'meals', constraints: ['uniqueMeal'], message: '同一天同一餐次只能出现一次' }]);
    meals.forEach((meal, index) => {
      assertMenuDate(meal.mealDate, `meals.${index}.mealDate`, now);
      windowOf(point, meal.mealKind);
    });
    await this.assertOwnPhotos(point, meals, (index) => `meals.${index}.`);
    return this.replaceMeals(auth, point, meals, 'meal_menu.published');
  }

  /** Copies the seven days before `fromDate` onto the seven days from it (meals that already have orders are kept). */
  async copyLastWeek(auth: AuthContext, mealPointId: string, fromDate: string, now = new Date()): Promise<MenuPublishResult> {
    const point = await this.access.managed(auth, mealPointId);
    assertMenuDate(fromDate, 'fromDate', now);
    const source = await this.meals.listDishes(point.id, addDays(fromDate, -WEEK_DAYS), addDays(fromDate, -1));
    const servedKinds = new Set(point.windows.map((window) => window.mealKind));
    const byMeal = new Map<string, MenuMealInput>();
    for (const dish of source.filter((candidate) => servedKinds.has(candidate.mealKind))) {
      const mealDate = addDays(dish.mealDate, WEEK_DAYS);
      const meal = byMeal.get(mealKey(mealDate, dish.mealKind)) ?? { mealDate, mealKind: dish.mealKind, dishes: [] };
      meal.dishes.push(dishInputOf(dish));
      byMeal.set(mealKey(mealDate, dish.mealKind), meal);
    }
    return this.replaceMeals(auth, point, [...byMeal.values()], 'meal_menu.copied');
  }

  /** Changes one meal of one day; refused once anyone has ordered it (close the day instead). */
  async changeMeal(auth: AuthContext, mealPointId: string, mealDate: string, mealKind: MealKind, dishes: DishInput[], now = new Date()): Promise<MenuMealView> {
    const point = await this.access.managed(auth, mealPointId);
    assertMenuDate(mealDate, 'mealDate', now);
    windowOf(point, mealKind);
    await this.assertOwnPhotos(point, [{ mealDate, mealKind, dishes }], () => '');
    const result = await this.replaceMeals(auth, point, [{ mealDate, mealKind, dishes }], 'meal_menu.changed');
    if (result.skipped.length > 0) throw menuHasOrders(mealDate, mealKind);
    return (await this.menu(point.id, { from: mealDate, to: mealDate }, now)).meals.find((meal) => meal.mealKind === mealKind)!;
  }

  /** A dish may only show a photo uploaded for its own meal point: `meals.0.dishes.1.photoId` names any other. */
  private async assertOwnPhotos(point: MealPoint, meals: MenuMealInput[], mealField: (index: number) => string): Promise<void> {
    const named = meals.flatMap((meal, mealIndex) =>
      meal.dishes.flatMap((dish, dishIndex) => (dish.photoId ? [{ photoId: dish.photoId, field: `${mealField(mealIndex)}dishes.${dishIndex}.photoId` }] : [])),
    );
    const foreign = new Set(
      await this.photos.foreignPhotoIds(
        point.id,
        named.map((dish) => dish.photoId),
      ),
    );
    const problems = named
      .filter((dish) => foreign.has(dish.photoId))
      .map((dish) => ({ field: dish.field, constraints: ['dishPhoto'], message: '照片不是本助餐点上传的，请重新上传' }));
    if (problems.length > 0) throw new ValidationFailedError(problems);
  }

  private async replaceMeals(auth: AuthContext, point: MealPoint, meals: MenuMealInput[], action: string): Promise<MenuPublishResult> {
    const result: MenuPublishResult = { published: [], skipped: [] };
    if (meals.length === 0) return result;
    const dates = meals.map((meal) => meal.mealDate).sort();
    await this.transactions.write(async (manager) => {
      const ordered = new Set((await this.meals.listOrderedMeals(point.id, dates[0], dates[dates.length - 1], manager)).map((meal) => mealKey(meal.mealDate, meal.mealKind)));
      for (const meal of meals) {
        const ref = { mealDate: meal.mealDate, mealKind: meal.mealKind };
        if (ordered.has(mealKey(meal.mealDate, meal.mealKind))) {
          result.skipped.push(ref);
          continue;
        }
        await this.meals.replaceMealDishes(
          manager,
          point.id,
          meal.mealDate,
          meal.mealKind,
          meal.dishes.map((dish, position) => ({
            id: randomUUID(),
            mealPointId: point.id,
            mealDate: meal.mealDate,
            mealKind: meal.mealKind,
            position,
            name: dish.name,
            kind: dish.kind,
            priceFen: dish.priceFen,
            tags: dish.tags.length ? [...new Set(dish.tags)] : null,
            allergens: dish.allergens.length ? dish.allergens : null,
            photoUrl: dish.photoId ? null : dish.photoUrl,
            photoId: dish.photoId ?? null,
            dailyQuantity: dish.dailyQuantity,
            remaining: dish.dailyQuantity,
          })),
        );
        result.published.push(ref);
      }
      await this.audit.record(manager, auth, {
        action,
        targetType: 'meal_point',
        targetId: point.id,
        regionPath: point.region.path,
        details: { published: result.published.length, skipped: result.skipped.length },
      });
    });
    return result;
  }
}

/** A menu date is a real date from today (Shanghai) to MENU_HORIZON_DAYS ahead. */
function assertMenuDate(date: string, field: string, now: Date): void {
  const today = shanghaiDateOf(now);
  if (parseDate(date) === null || date < today || date > addDays(today, MENU_HORIZON_DAYS)) throw mealDateOutOfRange(field);
}
