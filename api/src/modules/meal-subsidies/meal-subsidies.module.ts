import { Module } from '@nestjs/common';
import { ResidentsModule } from '../residents';
import { MealBalances } from './meal-balances';
import { MealBalancesRepository } from './meal-balances.repository';
import { MealEligibility } from './meal-eligibility';
import { MealProfilesRepository } from './meal-profiles.repository';
import { MealSubsidyRulesRepository } from './meal-subsidy-rules.repository';

@Module({
  imports: [ResidentsModule],
  providers: [MealProfilesRepository, MealSubsidyRulesRepository, MealBalancesRepository, MealEligibility, MealBalances],
  exports: [MealEligibility, MealBalances],
})
export class MealSubsidiesModule {}
