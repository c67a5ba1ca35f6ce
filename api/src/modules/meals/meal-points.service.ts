import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isWithinRegion, orderCentresFor, type GeoPoint, type MealPointInput, type MealPointListItem, type MealPointView } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { assertRegionInScope } from '../../common/auth/scope';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService } from '../audit';
import { MICRODEGREES, type Region } from '../regions';
import { ResidentsRepository } from '../residents';
import { MealPointAccess, mayManagePoint } from './meal-point-access';
import { toMealPointView } from './meal-point-view';
import type { MealPoint } from './meal-point.entity';
import { MealsRepository } from './meals.repository';
import { notACanteen, notACommunity, regionOutsideProvider } from './meals.errors';

/** A region path is `/city/district/street/community/`: the district is its second id. */
const districtOfPath = (path: string): string | null => path.split('/').filter(Boolean)[1] ?? null;

/** One window per meal kind, each serving from before until. */
function assertWindows(input: MealPointInput): void {
  const kinds = input.windows.map((window) => window.mealKind);
  if (new Set(kinds).size !== kinds.length) throw new ValidationFailedError([{ field: 'windows', constraints: ['uniqueMealKind'], message: '每种餐次只能设置一次' }]);
  const index = input.windows.findIndex((window) => window.servesFrom >= window.servesUntil);
  if (index >= 0) throw new ValidationFailedError([{ field: `windows.${index}.servesUntil`, constraints: ['afterServesFrom'], message: '供餐结束时间须晚于开始时间' }]);
}

/**
 * Meal points (助餐点): a canteen's provider_admin sets up and edits its own, staff and admins those of their region;
 * residents list the points serving their community first, or nearest first once their position is known.
 */
@Injectable()
export class MealPointsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly meals: MealsRepository,
    private readonly access: MealPointAccess,
    private readonly residents: ResidentsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(auth: AuthContext, input: MealPointInput & { providerId: string }): Promise<MealPointView> {
    const provider = await this.meals.findProvider(input.providerId);
    // A provider_admin names only their own canteen; staff only one whose point lands in their region (checked below).
    if (!provider || (auth.role === 'provider_admin' && auth.providerId !== provider.id)) throw new NotFoundError('该机构');
    if (provider.kind !== 'canteen' || provider.status !== 'active') throw notACanteen();
    const id = randomUUID();
    const region = await this.placeOf(auth, input, provider.region.path);
    await this.write(auth, id, provider.id, region, input, 'meal_point.created');
    return toMealPointView((await this.meals.findPoint(id))!);
  }

  async update(auth: AuthContext, mealPointId: string, input: MealPointInput): Promise<MealPointView> {
    const point = await this.access.managed(auth, mealPointId);
    const region = await this.placeOf(auth, input, await this.providerPath(point));
    await this.write(auth, point.id, point.providerId, region, input, 'meal_point.updated');
    return toMealPointView((await this.meals.findPoint(point.id))!);
  }

  async get(mealPointId: string): Promise<MealPointView> {
    return toMealPointView(await this.access.readable(mealPointId));
  }

  /** The points the caller runs: a canteen's own, or every point in a staff member's region. */
  async listManaged(auth: AuthContext): Promise<MealPointView[]> {
    const points =
      auth.role === 'provider_admin'
        ? await this.meals.listPointsManagedBy({ providerId: auth.providerId! })
        : await this.meals.listPointsManagedBy({ regionPathPrefix: auth.regionPath! });
    return points.filter((point) => mayManagePoint(auth, point)).map(toMealPointView);
  }

  /**
   * Points for a resident choosing where to eat: those serving `communityId` (default: the caller's own community)
   * first, or nearest first when a position is given — the rule centres follow (orderCentresFor), with "mine" meaning
   * "serves the community".
   */
  async listForResident(auth: AuthContext, filter: { communityId?: string; latitude?: number; longitude?: number }): Promise<MealPointListItem[]> {
    const communityId = filter.communityId ?? (auth.residentId ? ((await this.residents.findWithCommunity(auth.residentId))?.community?.id ?? null) : null);
    const here: GeoPoint | null = filter.latitude !== undefined && filter.longitude !== undefined ? { latitude: filter.latitude, longitude: filter.longitude } : null;
    const points = (await this.meals.listAllPoints()).map(toMealPointView);
    const placed = points.map((view) => ({
      view,
      latitude: view.latitude,
      longitude: view.longitude,
      // orderCentresFor calls a place "mine" when its region is the community: a point serving it counts as in it.
      regionId: communityId !== null && view.communities.some((community) => community.id === communityId) ? communityId : view.regionId,
    }));
    return orderCentresFor(placed, communityId, here).map(({ centre, mine, meters }) => ({ ...centre.view, servesMyCommunity: mine, meters }));
  }

  private async providerPath(point: MealPoint): Promise<string> {
    return (await this.meals.findProvider(point.providerId))!.region.path;
  }

  /** The point's region (in the caller's scope and inside the canteen's), and its served communities checked. */
  private async placeOf(auth: AuthContext, input: MealPointInput, providerPath: string): Promise<Region> {
    const [region] = await this.meals.findRegions([input.regionId]);
    if (auth.role !== 'provider_admin') assertRegionInScope(auth, region?.path, '该地区');
    if (!region) throw new NotFoundError('该地区');
    if (!isWithinRegion(region.path, providerPath)) throw regionOutsideProvider();
    if (districtOfPath(region.path) === null || region.level === 'district') {
      throw new ValidationFailedError([{ field: 'regionId', constraints: ['streetOrCommunity'], message: '请选择街道或社区' }]);
    }
    assertWindows(input);
    const communityIds = [...new Set(input.communityIds)];
    const communities = await this.meals.findRegions(communityIds);
    if (communities.length !== communityIds.length || communities.some((community) => community.level !== 'community')) throw notACommunity('communityIds');
    return region;
  }

  private async write(auth: AuthContext, id: string, providerId: string, region: Region, input: MealPointInput, action: string): Promise<void> {
    await this.transactions.write(async (manager) => {
      await this.meals.savePoint(
        manager,
        {
          id,
          providerId,
          name: input.name,
          address: input.address,
          latitudeE6: Math.round(input.latitude * MICRODEGREES),
          longitudeE6: Math.round(input.longitude * MICRODEGREES),
          phone: input.phone,
          regionId: region.id,
          districtId: districtOfPath(region.path)!,
          fulfilments: [...new Set(input.fulfilments)],
          deliveryRadiusMeters: input.deliveryRadiusMeters,
          deliveryFeeFen: input.deliveryFeeFen,
        },
        [...new Set(input.communityIds)],
        input.windows,
      );
      await this.audit.record(manager, auth, { action, targetType: 'meal_point', targetId: id, regionPath: region.path, details: { name: input.name } });
    });
  }
}
