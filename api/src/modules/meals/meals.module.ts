import { Module } from '@nestjs/common';
import { PhotoStorage } from '../../common/storage/photo-storage';
import { AuditModule } from '../audit';
import { MealSubsidiesModule } from '../meal-subsidies';
import { OutboxModule } from '../outbox';
import { PaymentsModule } from '../payments';
import { DispatchModule } from '../dispatch';
import { ResidentsModule } from '../residents';
import { DishPhotosController } from './dish-photos.controller';
import { DishPhotosRepository } from './dish-photos.repository';
import { DishPhotosService } from './dish-photos.service';
import { MealDeliveryRunsController } from './meal-delivery-runs.controller';
import { MealDeliveryRunsRepository } from './meal-delivery-runs.repository';
import { MealDeliveryRunsService } from './meal-delivery-runs.service';
import { MealDeliveryStopsController } from './meal-delivery-stops.controller';
import { MealDeliveryStopsService } from './meal-delivery-stops.service';
import { MealDeliverySweeper } from './meal-delivery-sweeper';
import { MealOrdersController } from './meal-orders.controller';
import { MealOrdersRepository } from './meal-orders.repository';
import { MealCancellationsService } from './meal-cancellations.service';
import { MealOrderPayments } from './meal-order-payments';
import { MealOrderReads } from './meal-order-reads';
import { MealOrderingService } from './meal-ordering.service';
import { MealPickupCodes } from './meal-pickup-codes';
import { MealPickupsService } from './meal-pickups.service';
import { MealPointAccess } from './meal-point-access';
import { MealPointsController } from './meal-points.controller';
import { MealPointsService } from './meal-points.service';
import { MealPrices } from './meal-prices';
import { MealSettlementController } from './meal-settlement.controller';
import { MealSettlementRepository } from './meal-settlement.repository';
import { MealSettlementService } from './meal-settlement.service';
import { MealsRepository } from './meals.repository';
import { MenusService } from './menus.service';

@Module({
  imports: [AuditModule, DispatchModule, MealSubsidiesModule, OutboxModule, PaymentsModule, ResidentsModule],
  controllers: [MealPointsController, DishPhotosController, MealOrdersController, MealSettlementController, MealDeliveryRunsController, MealDeliveryStopsController],
  providers: [
    MealsRepository,
    MealOrdersRepository,
    MealPointAccess,
    MealPointsService,
    MenusService,
    PhotoStorage,
    DishPhotosRepository,
    DishPhotosService,
    MealPrices,
    MealPickupCodes,
    MealOrderReads,
    MealOrderingService,
    MealCancellationsService,
    MealOrderPayments,
    MealPickupsService,
    MealSettlementRepository,
    MealSettlementService,
    MealDeliveryRunsRepository,
    MealDeliveryRunsService,
    MealDeliveryStopsService,
    MealDeliverySweeper,
  ],
})
export class MealsModule {}
