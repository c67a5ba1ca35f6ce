import { MEAL_KINDS, type MealPointView, type MealWindow } from '@linli/shared';
import { MICRODEGREES } from '../regions';
import type { MealPoint } from './meal-point.entity';
import type { MealWindowRow } from './meal-window.entity';

export function toMealWindow(row: MealWindowRow): MealWindow {
  return {
    mealKind: row.mealKind,
    servesFrom: row.servesFrom,
    servesUntil: row.servesUntil,
    cutOffTime: row.cutOffTime,
    cutOffDaysBefore: row.cutOffDaysBefore,
    capacity: row.capacity,
  };
}

/** A meal point as everyone sees it (with provider, region, communities and windows loaded). */
export function toMealPointView(point: MealPoint): MealPointView {
  return {
    id: point.id,
    providerId: point.providerId,
    providerName: point.provider.name,
    name: point.name,
    address: point.address,
    latitude: point.latitudeE6 / MICRODEGREES,
    longitude: point.longitudeE6 / MICRODEGREES,
    phone: point.phone,
    regionId: point.regionId,
    regionName: point.region.name,
    districtId: point.districtId,
    communities: point.communities.map((served) => ({ id: served.communityId, name: served.community.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    windows: [...point.windows].sort((a, b) => MEAL_KINDS.indexOf(a.mealKind) - MEAL_KINDS.indexOf(b.mealKind)).map(toMealWindow),
    fulfilments: point.fulfilments,
    deliveryRadiusMeters: point.deliveryRadiusMeters,
    deliveryFeeFen: point.deliveryFeeFen,
  };
}
