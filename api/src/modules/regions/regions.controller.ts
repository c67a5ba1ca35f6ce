import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CentreSummary, CommunitySummary, ListResponse } from '@linli/shared';
import { Public } from '../../common/auth/access-policy';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { ListCentresQuery } from './dto/list-centres.query';
import { ListCommunitiesQuery } from './dto/list-communities.query';
import { CentreListDto, CommunityListDto } from './dto/region-responses.dto';
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
}
