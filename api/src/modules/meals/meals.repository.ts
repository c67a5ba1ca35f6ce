import { Injectable } from '@nestjs/common';
import { Between, DataSource, In, type EntityManager } from 'typeorm';
import type { MealKind } from '@linli/shared';
import { Provider } from '../providers';
import { Region } from '../regions';
import { Dish } from './dish.entity';
import { MealCounter } from './meal-counter.entity';
import { MealDayClosure } from './meal-day-closure.entity';
import { MealOrder } from './meal-order.entity';
import { MealPointCommunity } from './meal-point-community.entity';
import { MealPoint } from './meal-point.entity';
import { MealWindowRow } from './meal-window.entity';

/** What a meal point view needs loaded with it. */
const POINT_DETAILS = { provider: true, region: true, communities: { community: true }, windows: true } as const;

const POINT_LIST_LIMIT = 200;

/** Meal points, their menus, closed days and per-meal counters: every query the menu rules need, named for its use. */
@Injectable()
export class MealsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findProvider(providerId: string): Promise<Provider | null> {
    return this.dataSource.getRepository(Provider).findOne({ where: { id: providerId }, relations: { region: true } });
  }

  findRegions(regionIds: string[]): Promise<Region[]> {
    if (regionIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Region).find({ where: { id: In(regionIds) } });
  }

  findPoint(mealPointId: string, manager?: EntityManager): Promise<MealPoint | null> {
    return this.m(manager)
      .getRepository(MealPoint)
      .findOne({ where: { id: mealPointId }, relations: POINT_DETAILS });
  }

  /** Every meal point (a city has a few hundred at most), for a resident's list to order. */
  listAllPoints(): Promise<MealPoint[]> {
    return this.dataSource.getRepository(MealPoint).find({ relations: POINT_DETAILS, order: { name: 'ASC' }, take: POINT_LIST_LIMIT });
  }

  /** The meal points of one provider, or of every provider in a region subtree. */
  listPointsManagedBy(filter: { providerId: string } | { regionPathPrefix: string }): Promise<MealPoint[]> {
    const query = this.dataSource
      .getRepository(MealPoint)
      .createQueryBuilder('point')
      .innerJoinAndSelect('point.provider', 'provider')
      .innerJoinAndSelect('point.region', 'region')
      .leftJoinAndSelect('point.communities', 'served')
      .leftJoinAndSelect('served.community', 'community')
      .leftJoinAndSelect('point.windows', 'window')
      .orderBy('point.name', 'ASC')
      .take(POINT_LIST_LIMIT);
    if ('providerId' in filter) query.where('point.provider_id = :providerId', { providerId: filter.providerId });
    else query.where('region.path LIKE :prefix', { prefix: `${filter.regionPathPrefix}%` });
    return query.getMany();
  }

  /** Writes a meal point with its communities and windows (replacing the ones it had). */
  async savePoint(
    manager: EntityManager,
    point: Omit<MealPoint, 'provider' | 'region' | 'district' | 'communities' | 'windows' | 'createdAt' | 'updatedAt'>,
    communityIds: string[],
    windows: Array<Omit<MealWindowRow, 'mealPoint' | 'mealPointId'>>,
  ): Promise<void> {
    await manager.getRepository(MealPoint).save(point);
    await manager.getRepository(MealPointCommunity).delete({ mealPointId: point.id });
    await manager.getRepository(MealPointCommunity).insert(communityIds.map((communityId) => ({ mealPointId: point.id, communityId })));
    await manager.getRepository(MealWindowRow).delete({ mealPointId: point.id });
    await manager.getRepository(MealWindowRow).insert(windows.map((window) => ({ ...window, mealPointId: point.id })));
  }

  listDishes(mealPointId: string, from: string, to: string, manager?: EntityManager): Promise<Dish[]> {
    return this.m(manager)
      .getRepository(Dish)
      .find({ where: { mealPointId, mealDate: Between(from, to) }, order: { mealDate: 'ASC', mealKind: 'ASC', position: 'ASC' } });
  }

  listMealDishes(mealPointId: string, mealDate: string, mealKind: MealKind, manager?: EntityManager): Promise<Dish[]> {
    return this.m(manager)
      .getRepository(Dish)
      .find({ where: { mealPointId, mealDate, mealKind }, order: { position: 'ASC' } });
  }

  /** The meals (date and kind) of a point between two dates that already have orders, in any status. */
  async listOrderedMeals(mealPointId: string, from: string, to: string, manager?: EntityManager): Promise<Array<{ mealDate: string; mealKind: MealKind }>> {
    const rows = await this.m(manager)
      .getRepository(MealOrder)
      .createQueryBuilder('o')
      .select('o.meal_date', 'mealDate')
      .addSelect('o.meal_kind', 'mealKind')
      .where('o.meal_point_id = :mealPointId AND o.meal_date BETWEEN :from AND :to', { mealPointId, from, to })
      .groupBy('o.meal_date')
      .addGroupBy('o.meal_kind')
      .getRawMany<{ mealDate: string; mealKind: MealKind }>();
    return rows;
  }

  /** Replaces one meal's dishes (only for a meal nobody has ordered: order lines point at dishes). */
  async replaceMealDishes(
    manager: EntityManager,
    mealPointId: string,
    mealDate: string,
    mealKind: MealKind,
    dishes: Array<Omit<Dish, 'mealPoint' | 'photo' | 'createdAt'>>,
  ): Promise<void> {
    await manager.getRepository(Dish).delete({ mealPointId, mealDate, mealKind });
    if (dishes.length) await manager.getRepository(Dish).insert(dishes);
  }

  listClosures(mealPointId: string, from: string, to: string, manager?: EntityManager): Promise<MealDayClosure[]> {
    return this.m(manager)
      .getRepository(MealDayClosure)
      .find({ where: { mealPointId, mealDate: Between(from, to) } });
  }

  findClosure(mealPointId: string, mealDate: string, manager?: EntityManager): Promise<MealDayClosure | null> {
    return this.m(manager).getRepository(MealDayClosure).findOne({ where: { mealPointId, mealDate } });
  }

  listCounters(mealPointId: string, from: string, to: string): Promise<MealCounter[]> {
    return this.dataSource.getRepository(MealCounter).find({ where: { mealPointId, mealDate: Between(from, to) } });
  }
}
