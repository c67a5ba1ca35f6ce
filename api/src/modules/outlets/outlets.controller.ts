import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OutletReportView, OutletSearchPage, OutletView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { OutletReportViewDto, OutletSearchPageDto, OutletSearchQuery, OutletViewDto, ReportOutletDto } from './dto/outlets.dto';
import { OutletDirectoryService } from './outlet-directory.service';
import { OutletReportsService } from './outlet-reports.service';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('outlets')
@Controller('outlets')
export class OutletsController {
  constructor(
    private readonly directory: OutletDirectoryService,
    private readonly reports: OutletReportsService,
  ) {}

  @Get()
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: 'Convenience outlets nearest first from a position or a community: kinds, open now or at a time, keyword; paged' })
  @ApiOkResponse({ type: OutletSearchPageDto })
  @ApiErrorResponses(...ERRORS)
  search(@Query() query: OutletSearchQuery): Promise<OutletSearchPage> {
    return this.directory.find(query);
  }

  @Get(':outletId')
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: 'One outlet (or a canteen’s meal point as 社区食堂) with its week of hours' })
  @ApiOkResponse({ type: OutletViewDto })
  @ApiErrorResponses(...ERRORS)
  get(@UuidParam('outletId') outletId: string): Promise<OutletView> {
    return this.directory.get(outletId);
  }

  @Post(':outletId/reports')
  @Roles('resident')
  @ApiOperation({ summary: '信息有误: tell the region’s staff what is wrong about an outlet' })
  @ApiCreatedResponse({ type: OutletReportViewDto })
  @ApiErrorResponses(...ERRORS)
  report(@CurrentAuth() auth: AuthContext, @UuidParam('outletId') outletId: string, @Body() body: ReportOutletDto): Promise<OutletReportView> {
    return this.reports.report(auth, outletId, body);
  }
}
