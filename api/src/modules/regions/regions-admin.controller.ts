import { Body, Controller, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CentreSummary, RegionSummary } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { CentreFieldsDto, CreateCentreDto, CreateRegionDto, RegionSummaryDto, RenameRegionDto } from './dto/manage-region.dto';
import { CentreSummaryDto } from './dto/region-responses.dto';
import { RegionsAdminService } from './regions-admin.service';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('admin: regions')
@Controller('admin')
@Roles('admin')
export class RegionsAdminController {
  constructor(private readonly admin: RegionsAdminService) {}

  @Post('regions')
  @ApiOperation({ summary: 'Add a district, street or community under a region in my scope' })
  @ApiCreatedResponse({ type: RegionSummaryDto })
  @ApiErrorResponses(...ERRORS, 'CONFLICT')
  createRegion(@CurrentAuth() auth: AuthContext, @Body() body: CreateRegionDto): Promise<RegionSummary> {
    return this.admin.createRegion(auth, body);
  }

  @Put('regions/:regionId')
  @ApiOperation({ summary: 'Rename a region in my scope' })
  @ApiOkResponse({ type: RegionSummaryDto })
  @ApiErrorResponses(...ERRORS)
  renameRegion(@CurrentAuth() auth: AuthContext, @UuidParam('regionId') regionId: string, @Body() body: RenameRegionDto): Promise<RegionSummary> {
    return this.admin.renameRegion(auth, regionId, body.name);
  }

  @Post('centres')
  @ApiOperation({ summary: 'Add a citizen centre to a street or community in my scope' })
  @ApiCreatedResponse({ type: CentreSummaryDto })
  @ApiErrorResponses(...ERRORS, 'CONFLICT')
  createCentre(@CurrentAuth() auth: AuthContext, @Body() body: CreateCentreDto): Promise<CentreSummary> {
    return this.admin.createCentre(auth, body);
  }

  @Put('centres/:centreId')
  @ApiOperation({ summary: "Edit a citizen centre's details" })
  @ApiOkResponse({ type: CentreSummaryDto })
  @ApiErrorResponses(...ERRORS)
  updateCentre(@CurrentAuth() auth: AuthContext, @UuidParam('centreId') centreId: string, @Body() body: CentreFieldsDto): Promise<CentreSummary> {
    return this.admin.updateCentre(auth, centreId, body);
  }
}
