import { Module } from '@nestjs/common';
import { PhotoStorage } from '../../common/storage/photo-storage';
import { AuditModule } from '../audit';
import { OutletCoverageService } from './outlet-coverage.service';
import { OutletDirectoryService } from './outlet-directory.service';
import { OutletFilesService } from './outlet-files.service';
import { OutletManagementService } from './outlet-management.service';
import { OutletPhotos } from './outlet-photos';
import { OutletPhotosController } from './outlet-photos.controller';
import { OutletPlaces } from './outlet-places';
import { OutletReportsService } from './outlet-reports.service';
import { OutletSearch } from './outlet-search';
import { OutletsController } from './outlets.controller';
import { OutletsRepository } from './outlets.repository';
import { StaffOutletsController } from './staff-outlets.controller';

@Module({
  imports: [AuditModule],
  controllers: [OutletsController, StaffOutletsController, OutletPhotosController],
  providers: [
    OutletsRepository,
    OutletSearch,
    OutletPlaces,
    OutletDirectoryService,
    OutletManagementService,
    OutletFilesService,
    OutletReportsService,
    OutletCoverageService,
    PhotoStorage,
    OutletPhotos,
  ],
})
export class OutletsModule {}
