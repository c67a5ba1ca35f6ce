import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SHORT_CHECK_IN_CODE, shanghaiDateOf, type MealPickupCode } from '@linli/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { drawShortCode, storeUniqueShortCode } from '../../common/security/short-codes';
import { issueSignedReference, verifySignedReference } from '../../common/security/signed-reference';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { WrongCodeThrottle, type CodeDesk } from '../audit';
import { MealOrdersRepository } from './meal-orders.repository';
import type { MealPoint } from './meal-point.entity';
import { pickupCodeInvalid, tooManyWrongPickupCodes } from './meals.errors';

/** The QR's signed code lives this long: the screen showing it asks for a fresh one, so a screenshot soon stops working. */
const PICKUP_QR_TTL_MS = 10 * 60 * 1000;
const WRONG_CODE_ACTION = 'meal_order.pickup_code_refused';

/**
 * The two codes a meal is collected with, the way a booking is checked in (CheckInCodes): a signed, expiring
 * reference for the QR, and six digits to read out, unique per meal point and meal date, drawn when the order is placed.
 * Wrong codes typed at a counter are audited and throttled per staff account and meal point, like check-in codes.
 */
@Injectable()
export class MealPickupCodes {
  constructor(
    private readonly orders: MealOrdersRepository,
    private readonly wrongCodes: WrongCodeThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Gives a new order its six digits inside the order's transaction; a code the point already uses that day is drawn again. */
  async assign(manager: EntityManager, order: { id: string; mealPointId: string; mealDate: string }): Promise<void> {
    await storeUniqueShortCode('pickup code', () =>
      this.orders.insertPickupCode(manager, { orderId: order.id, mealPointId: order.mealPointId, mealDate: order.mealDate, code: drawShortCode() }),
    );
  }

  async issue(orderId: string, now = new Date()): Promise<MealPickupCode> {
    const expiresAt = new Date(now.getTime() + PICKUP_QR_TTL_MS);
    const shortCode = (await this.orders.findPickupCode(orderId))!.code;
    return { code: issueSignedReference(this.config.secrets.jwtSecret, 'meal-pickups', orderId, expiresAt), shortCode, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The order a code typed or scanned at a meal point's counter names: six digits name one of its orders today. A
   * wrong code is audited and answers the same whatever orders exist; after too many, every code is refused for a while.
   */
  async resolve(auth: AuthContext, point: MealPoint, typed: string, now = new Date()): Promise<string> {
    const desk: CodeDesk = { targetType: 'meal_point', id: point.id, regionPath: point.region.path };
    await this.wrongCodes.assertOpen(auth, desk, WRONG_CODE_ACTION, tooManyWrongPickupCodes, now);
    const code = typed.replace(/\s+/g, '');
    const isShort = SHORT_CHECK_IN_CODE.test(code);
    const orderId = isShort
      ? await this.orders.findOrderIdByPickupCode(point.id, shanghaiDateOf(now), code)
      : verifySignedReference(this.config.secrets.jwtSecret, 'meal-pickups', code, now);
    if (orderId) return orderId;
    await this.wrongCodes.record(auth, desk, WRONG_CODE_ACTION, isShort ? 'short' : 'signed');
    throw pickupCodeInvalid();
  }
}
