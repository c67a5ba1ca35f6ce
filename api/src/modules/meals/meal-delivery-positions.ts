import { distanceMeters, withinDeliveryRadius, type GeoPoint, type MealQuoteInput } from '@linli/shared';
import type { MealOrder } from './meal-order.entity';
import type { MealPoint } from './meal-point.entity';
import { outsideDeliveryRadius } from './meal-delivery.errors';

/** The door a 送餐 order was placed for (GCJ-02), when it came with one; pickups and dine-in have none. */
export function homeOf(input: Pick<MealQuoteInput, 'fulfilment' | 'latitude' | 'longitude'>): GeoPoint | null {
  if (input.fulfilment !== 'delivery' || input.latitude === undefined || input.longitude === undefined) return null;
  return { latitude: input.latitude, longitude: input.longitude };
}

/** 送餐 to a point outside the meal point's delivery radius is refused (quote and order alike); without a point it is not checked. */
export function assertDeliverable(
  point: Pick<MealPoint, 'latitudeE6' | 'longitudeE6' | 'deliveryRadiusMeters'>,
  input: Pick<MealQuoteInput, 'fulfilment' | 'latitude' | 'longitude'>,
): void {
  const home = homeOf(input);
  if (!home) return;
  const from = { latitude: point.latitudeE6 / 1e6, longitude: point.longitudeE6 / 1e6 };
  if (!withinDeliveryRadius(from, point.deliveryRadiusMeters, home)) throw outsideDeliveryRadius(distanceMeters(from, home), point.deliveryRadiusMeters);
}

/** The stored columns of the door (× 10⁶, as every position), null when the order came without one. */
export function deliveryPositionColumns(input: Pick<MealQuoteInput, 'fulfilment' | 'latitude' | 'longitude'>): Pick<MealOrder, 'deliveryLatitudeE6' | 'deliveryLongitudeE6'> {
  const home = homeOf(input);
  return { deliveryLatitudeE6: home ? Math.round(home.latitude * 1e6) : null, deliveryLongitudeE6: home ? Math.round(home.longitude * 1e6) : null };
}

/** A stored order's door, for planning runs and the worker's map. */
export function deliveryPositionOf(order: Pick<MealOrder, 'deliveryLatitudeE6' | 'deliveryLongitudeE6'>): GeoPoint | null {
  if (order.deliveryLatitudeE6 === null || order.deliveryLongitudeE6 === null) return null;
  return { latitude: order.deliveryLatitudeE6 / 1e6, longitude: order.deliveryLongitudeE6 / 1e6 };
}
