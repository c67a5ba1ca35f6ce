import { Injectable } from '@nestjs/common';
import type { MealOrderActor } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { regionInScope } from '../../common/auth/scope';
import { NotFoundError } from '../../common/errors/domain-error';
import type { MealPoint } from './meal-point.entity';
import { MealsRepository } from './meals.repository';

/** Whether the caller runs this meal point: its canteen's provider_admin, or staff and admins of its region. */
export function mayManagePoint(auth: AuthContext, point: Pick<MealPoint, 'providerId' | 'region'>): boolean {
  if (auth.role === 'provider_admin') return auth.providerId === point.providerId;
  return regionInScope(auth, point.region.path);
}

/** The meal-order actor a signed-in role acts as. */
export function mealActorOf(auth: AuthContext): MealOrderActor {
  if (auth.role === 'resident') return 'resident';
  if (auth.role === 'provider_admin') return 'canteen';
  return 'staff';
}

/** Finding meal points by id for readers (anyone signed in) and for those who run them (404 for everyone else). */
@Injectable()
export class MealPointAccess {
  constructor(private readonly meals: MealsRepository) {}

  async readable(mealPointId: string): Promise<MealPoint> {
    const point = await this.meals.findPoint(mealPointId);
    if (!point) throw new NotFoundError('该助餐点');
    return point;
  }

  async managed(auth: AuthContext, mealPointId: string): Promise<MealPoint> {
    const point = await this.meals.findPoint(mealPointId);
    if (!point || !mayManagePoint(auth, point)) throw new NotFoundError('该助餐点');
    return point;
  }
}
