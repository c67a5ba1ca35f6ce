import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CentreSummary, CommunitySummary, ListResponse, NearbyCentre, RegionSummary } from '@linli/shared';
import { Public } from '../../common/auth/access-policy';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { ListCentresQuery, NearbyCentresQuery } from './dto/list-centres.query';
import { RegionListDto } from './dto/manage-region.dto';
import { ListCommunitiesQuery } from './dto/list-communities.query';
import { CentreListDto, CommunityListDto, NearbyCentreListDto } from './dto/region-responses.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Public()
@Controller()
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get('regions/communities')
  @ApiOperation({ summary: 'Communities residents can pick, with their street and district' })
  @ApiOkResponse({ type: CommunityListDto })
  @ApiErrorResponses('VALIDATION_FAILED')
  listCommunities(@Query() query: ListCommunitiesQuery): Promise<ListResponse<CommunitySummary>> {
    return this.regions.listCommunities(query.keyword);
  }

  @Get('centres')
  @ApiOperation({ summary: 'Citizen centres (市民中心), optionally within one region subtree' })
  @ApiOkResponse({ type: CentreListDto })
  @ApiErrorResponses('VALIDATION_FAILED', 'NOT_FOUND')
  listCentres(@Query() query: ListCentresQuery): Promise<ListResponse<CentreSummary>> {
    return this.regions.listCentres(query.regionId);
  }

  @Get('centres/nearby')
  @ApiOperation({ summary: 'Citizen centres nearest to a GCJ-02 point, closest first, with distances' })
  @ApiOkResponse({ type: NearbyCentreListDto })
  @ApiErrorResponses('VALIDATION_FAILED')
  nearbyCentres(@Query() query: NearbyCentresQuery): Promise<ListResponse<NearbyCentre>> {
    return this.regions.nearbyCentres(query, query.limit ?? 5);
  }

  @Get('regions/:regionId/children')
  @ApiOperation({ summary: 'The regions one level below a region (to walk city → district → street → community)' })
  @ApiOkResponse({ type: RegionListDto })
  @ApiErrorResponses('VALIDATION_FAILED', 'NOT_FOUND')
  listChildren(@UuidParam('regionId') regionId: string): Promise<ListResponse<RegionSummary>> {
    return this.regions.listChildren(regionId);
  }
}
