import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { ResidentsModule } from '../residents';
import { MealPointAccess } from './meal-point-access';
import { MealPointsController } from './meal-points.controller';
import { MealPointsService } from './meal-points.service';
import { MealsRepository } from './meals.repository';
import { MenusService } from './menus.service';

@Module({
  imports: [AuditModule, ResidentsModule],
  controllers: [MealPointsController],
  providers: [MealsRepository, MealPointAccess, MealPointsService, MenusService],
})
export class MealsModule {}
