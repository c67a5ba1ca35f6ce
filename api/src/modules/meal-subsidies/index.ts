/**
 * The meal-subsidies module's public surface: what other modules may import from it.
 * Elder meal profiles (hardships, registered district), the districts' subsidy rules as versioned data, and the
 * prepaid meal balance with its ledger. The meals module prices and pays orders through MealEligibility and MealBalances.
 * Everything else in this folder is the module's own.
 */
export { MealBalances, type MealBalanceCredit, type MealBalanceDebit, type MealBalanceMovement } from './meal-balances';
export { MealBalancesRepository } from './meal-balances.repository';
export { MealEligibility } from './meal-eligibility';
export { MealSubsidiesModule } from './meal-subsidies.module';
