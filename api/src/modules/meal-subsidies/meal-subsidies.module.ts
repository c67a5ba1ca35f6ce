import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { ResidentsModule } from '../residents';
import { MealBalanceController } from './meal-balance.controller';
import { MealBalanceService } from './meal-balance.service';
import { MealBalances } from './meal-balances';
import { MealBalancesRepository } from './meal-balances.repository';
import { MealElderAccess } from './meal-elder-access';
import { MealEligibility } from './meal-eligibility';
import { MealProfilesController } from './meal-profiles.controller';
import { MealProfilesRepository } from './meal-profiles.repository';
import { MealProfilesService } from './meal-profiles.service';
import { MealSubsidyRulesController } from './meal-subsidy-rules.controller';
import { MealSubsidyRulesRepository } from './meal-subsidy-rules.repository';
import { MealSubsidyRulesService } from './meal-subsidy-rules.service';

@Module({
  imports: [AuditModule, ResidentsModule],
  controllers: [MealProfilesController, MealSubsidyRulesController, MealBalanceController],
  providers: [
    MealProfilesRepository,
    MealSubsidyRulesRepository,
    MealBalancesRepository,
    MealElderAccess,
    MealEligibility,
    MealBalances,
    MealProfilesService,
    MealSubsidyRulesService,
    MealBalanceService,
  ],
  exports: [MealEligibility, MealBalances],
})
export class MealSubsidiesModule {}
