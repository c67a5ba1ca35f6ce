import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SHORT_CHECK_IN_CODE, shanghaiDateOf, type MealPickupCode } from '@linli/shared';
import { issueSignedReference, verifySignedReference } from '../../common/security/signed-reference';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isDuplicateKey } from '../../database/sql';
import { MealOrdersRepository } from './meal-orders.repository';
import { pickupCodeInvalid } from './meals.errors';

/** The QR's signed code lives this long: the screen showing it asks for a fresh one, so a screenshot soon stops working. */
const PICKUP_QR_TTL_MS = 10 * 60 * 1000;
/** Draws before giving up; 900 000 codes per point and day against a few hundred orders (as booking short codes). */
const MAX_DRAWS = 10;

/**
 * The two codes a meal is collected with, the way a booking is checked in (CheckInCodes): a signed, expiring
 * reference for the QR, and six digits to read out, unique per meal point and meal date, drawn when the order is placed.
 */
@Injectable()
export class MealPickupCodes {
  constructor(
    private readonly orders: MealOrdersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Gives a new order its six digits inside the order's transaction; a code the point already uses that day is drawn again. */
  async assign(manager: EntityManager, order: { id: string; mealPointId: string; mealDate: string }): Promise<void> {
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      try {
        await this.orders.insertPickupCode(manager, { orderId: order.id, mealPointId: order.mealPointId, mealDate: order.mealDate, code: String(randomInt(100_000, 1_000_000)) });
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error(`no free pickup code after ${MAX_DRAWS} draws`);
  }

  async issue(orderId: string, now = new Date()): Promise<MealPickupCode> {
    const expiresAt = new Date(now.getTime() + PICKUP_QR_TTL_MS);
    const shortCode = (await this.orders.findPickupCode(orderId))!.code;
    return { code: issueSignedReference(this.config.secrets.jwtSecret, 'meal-pickups', orderId, expiresAt), shortCode, expiresAt: expiresAt.toISOString() };
  }

  /** The order a code typed or scanned at a meal point's counter names: six digits name one of its orders today. */
  async resolve(mealPointId: string, typed: string, now = new Date()): Promise<string> {
    const code = typed.replace(/\s+/g, '');
    const orderId = SHORT_CHECK_IN_CODE.test(code)
      ? await this.orders.findOrderIdByPickupCode(mealPointId, shanghaiDateOf(now), code)
      : verifySignedReference(this.config.secrets.jwtSecret, 'meal-pickups', code, now);
    if (!orderId) throw pickupCodeInvalid();
    return orderId;
  }
}
