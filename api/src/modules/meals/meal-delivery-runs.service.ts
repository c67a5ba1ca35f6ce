import { Injectable } from '@nestjs/common';
import { beforeMealCutOff, planDeliveryRuns, type MealDeliveryPlan, type MealDeliveryStopView, type MealKind } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import type { MealOrder } from './meal-order.entity';
import { MealPointAccess } from './meal-point-access';
import { MealDeliveryRunsRepository } from './meal-delivery-runs.repository';
import { mealNotServed } from './meals.errors';

const NO_COMMUNITY = '未登记社区';

/**
 * The delivery runs a meal point would send out for one meal (planDeliveryRuns), for its canteen and the staff over
 * it. A plan, not yet dispatch orders: docs/meals.md (Delivery) says what handing a run to a worker will take. Elders'
 * homes are not geocoded yet, so every stop goes in by address within its community.
 */
@Injectable()
export class MealDeliveryRunsService {
  constructor(
    private readonly points: MealPointAccess,
    private readonly deliveries: MealDeliveryRunsRepository,
  ) {}

  async plan(auth: AuthContext, mealPointId: string, mealDate: string, mealKind: MealKind, now = new Date()): Promise<MealDeliveryPlan> {
    const point = await this.points.managed(auth, mealPointId);
    const window = point.windows.find((candidate) => candidate.mealKind === mealKind);
    if (!window) throw mealNotServed(mealKind);
    const orders = await this.deliveries.listDeliveriesToPlan(point.id, mealDate, mealKind);
    const stops = orders.map((order) => ({ orderId: order.id, areaId: order.resident.communityId, address: order.resident.address ?? '', position: null, order }));
    const runs = planDeliveryRuns({ latitude: point.latitudeE6 / 1e6, longitude: point.longitudeE6 / 1e6 }, stops);
    return {
      mealPointId: point.id,
      mealDate,
      mealKind,
      fixed: !beforeMealCutOff(mealDate, window.cutOffTime, now, window.cutOffDaysBefore),
      runs: runs.map((run) => ({
        areaId: run.areaId,
        areaName: run.stops[0].order.resident.community?.name ?? NO_COMMUNITY,
        knownDistanceMeters: run.knownDistanceMeters,
        stops: run.stops.map((stop, index) => stopView(stop.order, index + 1)),
      })),
    };
  }
}

function stopView(order: MealOrder, sequence: number): MealDeliveryStopView {
  return {
    orderId: order.id,
    sequence,
    residentId: order.residentId,
    elderName: order.resident.name,
    address: order.resident.address,
    status: order.status,
    items: order.lines.map((line) => `${line.name} ×${line.quantity}`),
  };
}
