import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { PreferencesModule } from '../preferences';
import { WechatModule } from '../wechat';
import { HouseholdController } from './household.controller';
import { HouseholdService } from './household.service';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { PersonRecords } from './person-records';
import { ResidentAccess } from './resident-access';
import { ResidentsRepository } from './residents.repository';
import { StaffResidentsController } from './staff-residents.controller';
import { StaffResidentsService } from './staff-residents.service';

@Module({
  imports: [AccountsModule, AuditModule, AuthModule, PreferencesModule, WechatModule],
  controllers: [MeController, HouseholdController, StaffResidentsController],
  providers: [ResidentsRepository, PersonRecords, ResidentAccess, MeService, HouseholdService, StaffResidentsService],
  exports: [ResidentsRepository, ResidentAccess],
})
export class ResidentsModule {}
