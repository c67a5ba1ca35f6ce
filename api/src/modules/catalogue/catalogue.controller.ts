import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CategoryWithServices, CentreServiceSetting, ListResponse, ServiceDetail, ServiceSummary } from '@linli/shared';
import { Public, Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { CatalogueService } from './catalogue.service';
import { CatalogueDto, CentreServiceSettingDto, ServiceDetailDto, ServiceSummaryDto, SetCentreServiceDto, UpdateServiceDto } from './dto/catalogue.dto';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('catalogue')
  @Public()
  @ApiOperation({ summary: 'The eight categories and their 22 services' })
  @ApiOkResponse({ type: CatalogueDto })
  @ApiErrorResponses()
  async list(): Promise<ListResponse<CategoryWithServices>> {
    return { items: await this.catalogue.listCategories() };
  }

  @Get('services/:serviceId')
  @Public()
  @ApiOperation({ summary: 'A service: description, materials, who may book, and the centres offering it' })
  @ApiOkResponse({ type: ServiceDetailDto })
  @ApiErrorResponses('VALIDATION_FAILED', 'NOT_FOUND')
  detail(@UuidParam('serviceId') serviceId: string): Promise<ServiceDetail> {
    return this.catalogue.serviceDetail(serviceId);
  }

  @Get('centres/:centreId/services')
  @Public()
  @ApiOperation({ summary: 'The services a centre offers now, by category (its page lists them with 预约)' })
  @ApiOkResponse({ type: CatalogueDto })
  @ApiErrorResponses('VALIDATION_FAILED', 'NOT_FOUND')
  async offeredAt(@UuidParam('centreId') centreId: string): Promise<ListResponse<CategoryWithServices>> {
    return { items: await this.catalogue.servicesAtCentre(centreId) };
  }

  @Put('staff/centres/:centreId/services/:serviceId')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Switch a service on or off at a centre of my region, with a note to residents' })
  @ApiOkResponse({ type: CentreServiceSettingDto })
  @ApiErrorResponses(...ERRORS)
  setOffering(
    @CurrentAuth() auth: AuthContext,
    @UuidParam('centreId') centreId: string,
    @UuidParam('serviceId') serviceId: string,
    @Body() body: SetCentreServiceDto,
  ): Promise<CentreServiceSetting> {
    return this.catalogue.setOffering(auth, centreId, serviceId, body);
  }

  @Put('admin/services/:serviceId')
  @Roles('admin')
  @ApiOperation({ summary: "Edit a service's texts and limits (city-level admins)" })
  @ApiOkResponse({ type: ServiceSummaryDto })
  @ApiErrorResponses(...ERRORS)
  updateService(@CurrentAuth() auth: AuthContext, @UuidParam('serviceId') serviceId: string, @Body() body: UpdateServiceDto): Promise<ServiceSummary> {
    return this.catalogue.updateService(auth, serviceId, body);
  }
}
