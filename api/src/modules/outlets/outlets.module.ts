import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { OutletCoverageService } from './outlet-coverage.service';
import { OutletDirectoryService } from './outlet-directory.service';
import { OutletFilesService } from './outlet-files.service';
import { OutletManagementService } from './outlet-management.service';
import { OutletPlaces } from './outlet-places';
import { OutletReportsService } from './outlet-reports.service';
import { OutletSearch } from './outlet-search';
import { OutletsController } from './outlets.controller';
import { OutletsRepository } from './outlets.repository';
import { StaffOutletsController } from './staff-outlets.controller';

@Module({
  imports: [AuditModule],
  controllers: [OutletsController, StaffOutletsController],
  providers: [OutletsRepository, OutletSearch, OutletPlaces, OutletDirectoryService, OutletManagementService, OutletFilesService, OutletReportsService, OutletCoverageService],
})
export class OutletsModule {}
