import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ResidentsModule } from '../residents/residents.module';
import { HomeOrdersController } from './home-orders.controller';
import { HomeOrdersRepository } from './home-orders.repository';
import { HomeOrdersService } from './home-orders.service';

@Module({ imports: [AuditModule, ResidentsModule], controllers: [HomeOrdersController], providers: [HomeOrdersRepository, HomeOrdersService] })
export class HomeOrdersModule {}
