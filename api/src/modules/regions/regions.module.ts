import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { RegionsAdminController } from './regions-admin.controller';
import { RegionsAdminService } from './regions-admin.service';
import { RegionsController } from './regions.controller';
import { RegionsRepository } from './regions.repository';
import { RegionsService } from './regions.service';
import { StaffCentresController } from './staff-centres.controller';

@Module({
  imports: [AuditModule],
  controllers: [RegionsController, RegionsAdminController, StaffCentresController],
  providers: [RegionsService, RegionsAdminService, RegionsRepository],
  exports: [RegionsRepository],
})
export class RegionsModule {}
