import { Body, Controller, Delete, Get, Header, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommunityCoverage, ListResponse, OutletCommunity, OutletImportResult, OutletReportView, OutletView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import {
  CoverageListDto,
  CoverageQuery,
  ImportOutletsDto,
  OutletCommunityListDto,
  OutletImportResultDto,
  OutletInputDto,
  OutletListDto,
  OutletReportListDto,
  OutletReportsQuery,
  OutletReportViewDto,
  OutletViewDto,
  ResolveOutletReportDto,
} from './dto/outlets.dto';
import { OutletCoverageService } from './outlet-coverage.service';
import { OutletFilesService } from './outlet-files.service';
import { OutletManagementService } from './outlet-management.service';
import { OutletPlaces } from './outlet-places';
import { OutletReportsService } from './outlet-reports.service';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;
const LIST_ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN'] as const;

@ApiTags('staff: outlets')
@Controller('staff')
@Roles('staff', 'admin')
export class StaffOutletsController {
  constructor(
    private readonly management: OutletManagementService,
    private readonly files: OutletFilesService,
    private readonly reports: OutletReportsService,
    private readonly coverageView: OutletCoverageService,
    private readonly places: OutletPlaces,
  ) {}

  @Get('outlets')
  @ApiOperation({ summary: 'The outlets of my region' })
  @ApiOkResponse({ type: OutletListDto })
  @ApiErrorResponses(...LIST_ERRORS)
  async list(@CurrentAuth() auth: AuthContext): Promise<ListResponse<OutletView>> {
    return { items: await this.management.list(auth) };
  }

  @Post('outlets')
  @ApiOperation({ summary: 'Add an outlet in my region (saving is confirming: verified today)' })
  @ApiCreatedResponse({ type: OutletViewDto })
  @ApiErrorResponses(...ERRORS)
  create(@CurrentAuth() auth: AuthContext, @Body() body: OutletInputDto): Promise<OutletView> {
    return this.management.create(auth, body);
  }

  @Get('outlets/export')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="outlets.csv"')
  @ApiOperation({ summary: 'The outlets of my region as CSV (the import’s columns; formula cells defused)' })
  @ApiOkResponse({ description: 'UTF-8 CSV with a BOM', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrorResponses(...LIST_ERRORS)
  exportCsv(@CurrentAuth() auth: AuthContext): Promise<string> {
    return this.files.export(auth);
  }

  @Post('outlets/import')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import outlets from CSV: all rows or none; every bad row reported with its line and reason (422 OUTLET_IMPORT_INVALID)' })
  @ApiOkResponse({ type: OutletImportResultDto })
  @ApiErrorResponses(...ERRORS, 'OUTLET_IMPORT_INVALID')
  importCsv(@CurrentAuth() auth: AuthContext, @Body() body: ImportOutletsDto): Promise<OutletImportResult> {
    return this.files.import(auth, body.csv);
  }

  @Get('outlets/:outletId')
  @ApiOperation({ summary: 'One outlet of my region' })
  @ApiOkResponse({ type: OutletViewDto })
  @ApiErrorResponses(...ERRORS)
  get(@CurrentAuth() auth: AuthContext, @UuidParam('outletId') outletId: string): Promise<OutletView> {
    return this.management.get(auth, outletId);
  }

  @Put('outlets/:outletId')
  @ApiOperation({ summary: 'Change an outlet of my region (verified today)' })
  @ApiOkResponse({ type: OutletViewDto })
  @ApiErrorResponses(...ERRORS)
  update(@CurrentAuth() auth: AuthContext, @UuidParam('outletId') outletId: string, @Body() body: OutletInputDto): Promise<OutletView> {
    return this.management.update(auth, outletId, body);
  }

  @Delete('outlets/:outletId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an outlet of my region (closed for good)' })
  @ApiNoContentResponse()
  @ApiErrorResponses(...ERRORS)
  remove(@CurrentAuth() auth: AuthContext, @UuidParam('outletId') outletId: string): Promise<void> {
    return this.management.remove(auth, outletId);
  }

  @Get('outlet-reports')
  @ApiOperation({ summary: 'Residents’ 信息有误 reports about outlets of my region, oldest first' })
  @ApiOkResponse({ type: OutletReportListDto })
  @ApiErrorResponses(...LIST_ERRORS, 'VALIDATION_FAILED')
  async listReports(@CurrentAuth() auth: AuthContext, @Query() query: OutletReportsQuery): Promise<ListResponse<OutletReportView>> {
    return { items: await this.reports.list(auth, query.status ?? 'open') };
  }

  @Post('outlet-reports/:reportId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve a report once (a second time: 409)' })
  @ApiOkResponse({ type: OutletReportViewDto })
  @ApiErrorResponses(...ERRORS, 'CONFLICT')
  resolveReport(@CurrentAuth() auth: AuthContext, @UuidParam('reportId') reportId: string, @Body() body: ResolveOutletReportDto): Promise<OutletReportView> {
    return this.reports.resolve(auth, reportId, body.resolution);
  }

  @Get('outlet-communities')
  @ApiOperation({ summary: 'The communities of my region an outlet can be placed in, each with the position a new outlet starts from' })
  @ApiOkResponse({ type: OutletCommunityListDto })
  @ApiErrorResponses(...LIST_ERRORS)
  async communities(@CurrentAuth() auth: AuthContext): Promise<ListResponse<OutletCommunity>> {
    return { items: await this.places.communitiesOf(auth) };
  }

  @Get('outlet-coverage')
  @ApiOperation({ summary: '一刻钟便民生活圈: per community of my region, which kinds have an outlet within the radius; most missing first' })
  @ApiOkResponse({ type: CoverageListDto })
  @ApiErrorResponses(...LIST_ERRORS, 'VALIDATION_FAILED')
  async coverage(@CurrentAuth() auth: AuthContext, @Query() query: CoverageQuery): Promise<ListResponse<CommunityCoverage>> {
    return { items: await this.coverageView.coverage(auth, query.radiusMeters) };
  }
}
