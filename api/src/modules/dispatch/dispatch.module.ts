import { Module } from '@nestjs/common';
import { PhotoStorage } from '../../common/storage/photo-storage';
import { AccountsModule } from '../accounts';
import { AuditModule } from '../audit';
import { CatalogueModule } from '../catalogue';
import { OutboxModule } from '../outbox';
import { ProvidersModule } from '../providers';
import { ResidentsModule } from '../residents';
import { DispatchBoardController } from './dispatch-board.controller';
import { DispatchBoardService } from './dispatch-board.service';
import { DispatchRepository } from './dispatch.repository';
import { DispatchSweeper } from './dispatch-sweeper';
import { Dispatcher } from './dispatcher';
import { HomeOrdersController } from './home-orders.controller';
import { HomeOrdersService } from './home-orders.service';
import { MealRunDispatch } from './meal-run-dispatch';
import { OrderActors } from './order-actors';
import { OrderLifecycle } from './order-lifecycle';
import { OrderPhones } from './order-phones';
import { OrderPhotosController } from './order-photos.controller';
import { OrderPhotosService } from './order-photos.service';
import { OrderViews } from './order-views';
import { WorkbenchController } from './workbench.controller';
import { WorkbenchService } from './workbench.service';

/** Home-service orders from request to rating: the dispatcher, the worker's workbench and the staff board. */
@Module({
  imports: [AccountsModule, AuditModule, CatalogueModule, OutboxModule, ProvidersModule, ResidentsModule],
  controllers: [HomeOrdersController, WorkbenchController, DispatchBoardController, OrderPhotosController],
  providers: [
    DispatchRepository,
    OrderLifecycle,
    OrderViews,
    OrderActors,
    OrderPhones,
    PhotoStorage,
    OrderPhotosService,
    Dispatcher,
    DispatchSweeper,
    HomeOrdersService,
    WorkbenchService,
    DispatchBoardService,
    MealRunDispatch,
  ],
  exports: [Dispatcher, MealRunDispatch],
})
export class DispatchModule {}
