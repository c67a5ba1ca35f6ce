import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { PaymentsModule } from '../payments';
import { ResidentsModule } from '../residents';
import { MealBalanceController } from './meal-balance.controller';
import { MealBalanceService } from './meal-balance.service';
import { MealBalanceTopUps } from './meal-balance-top-ups';
import { MealBalanceTopUpsController } from './meal-balance-top-ups.controller';
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
  imports: [AuditModule, PaymentsModule, ResidentsModule],
  controllers: [MealProfilesController, MealSubsidyRulesController, MealBalanceController, MealBalanceTopUpsController],
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
    MealBalanceTopUps,
  ],
  exports: [MealEligibility, MealBalances],
})
export class MealSubsidiesModule {}
