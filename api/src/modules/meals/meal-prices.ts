import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { priceMeal, tallyMealSubsidyUsage, type MealFulfilment, type MealKind, type MealOrderLine, type MealOrderLineInput, type MealPrice } from '@linli/shared';
import { MealEligibility } from '../meal-subsidies';
import type { Dish } from './dish.entity';
import type { MealPoint } from './meal-point.entity';
import { MealOrdersRepository, type StoredPriceColumns } from './meal-orders.repository';
import { dishNotOnMenu, duplicateDishLines } from './meals.errors';

export interface MealToPrice {
  point: MealPoint;
  residentId: string;
  mealDate: string;
  mealKind: MealKind;
  fulfilment: MealFulfilment;
  lines: MealOrderLine[];
  /** The order being changed: its own subsidy does not count against the caps it is re-priced under. */
  exceptOrderId?: string;
}

/** The lines of a request as the menu prices them (name, price and tags copied from the dish), or MEAL_NOT_OFFERED. */
export function linesFromMenu(requested: readonly MealOrderLineInput[], dishes: readonly Dish[]): Array<MealOrderLine & { dish: Dish }> {
  if (new Set(requested.map((line) => line.dishId)).size !== requested.length) throw duplicateDishLines();
  return requested.map((line) => {
    const dish = dishes.find((candidate) => candidate.id === line.dishId);
    if (!dish) throw dishNotOnMenu(line.dishId);
    return { dishId: dish.id, name: dish.name, unitPriceFen: dish.priceFen, quantity: line.quantity, tags: dish.tags ?? [], dish };
  });
}

/** The columns an order stores its price in: everything but the withheld rules (a quote's "why not"). */
export function storedPriceColumns(price: MealPrice): StoredPriceColumns {
  return {
    grossFen: price.gross,
    subsidyFen: price.subsidy,
    payableFen: price.payable,
    deliveryFeeGrossFen: price.deliveryFeeGross,
    deliverySubsidyFen: price.deliverySubsidy,
    deliveryFeeFen: price.deliveryFee,
    totalFen: price.total,
    appliedSubsidies: price.applied,
  };
}

/**
 * Prices a meal for an elder with priceMeal: their meal profile and the rules in force for the meal point's district
 * on the meal date (from meal-subsidies), and the usage of each cap group tallied from the elder's orders that still
 * hold their subsidy — the stored applied subsidies, so an order's past price is what counts, not today's rules.
 * Inside an order's transaction it reads through that transaction (after the elder's row is locked).
 */
@Injectable()
export class MealPrices {
  constructor(
    private readonly eligibility: MealEligibility,
    private readonly orders: MealOrdersRepository,
  ) {}

  async price(meal: MealToPrice, manager?: EntityManager): Promise<MealPrice> {
    // One after another: they share the transaction's connection.
    const profile = await this.eligibility.profileOf(meal.residentId, manager);
    const rules = await this.eligibility.rulesInForce(meal.point.districtId, meal.mealDate, manager);
    const meals = await this.orders.listSubsidisedMealsOfMonth(meal.residentId, meal.mealDate, meal.exceptOrderId ?? null, manager);
    const usage = tallyMealSubsidyUsage(
      meals.map((order) => ({ mealDate: order.mealDate, mealKind: order.mealKind, applied: order.appliedSubsidies })),
      meal.mealDate,
      meal.mealKind,
    );
    return priceMeal(meal.lines, profile, rules, usage, {
      mealDate: meal.mealDate,
      mealKind: meal.mealKind,
      fulfilment: meal.fulfilment,
      mealPointDistrictId: meal.point.districtId,
      deliveryFeeFen: meal.point.deliveryFeeFen,
    });
  }
}
