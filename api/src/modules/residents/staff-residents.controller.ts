import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, ResidentProfile } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import {
  RegisterResidentDto,
  ResidentListDto,
  ResidentPhoneDto,
  ResidentProfileDto,
  ResidentSearchQuery,
  RevealedIdNumberDto,
  SmsNotificationsDto,
  UpdateResidentDto,
} from './dto/person.dto';
import { StaffResidentsService } from './staff-residents.service';

const STAFF_ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('staff: residents')
@Controller('staff/residents')
@Roles('staff', 'admin')
export class StaffResidentsController {
  constructor(private readonly residents: StaffResidentsService) {}

  @Get()
  @ApiOperation({ summary: 'Find residents in my region by name, full ID number or full phone (audited)' })
  @ApiOkResponse({ type: ResidentListDto })
  @ApiErrorResponses(...STAFF_ERRORS)
  async search(@CurrentAuth() auth: AuthContext, @Query() query: ResidentSearchQuery): Promise<ListResponse<ResidentProfile>> {
    return { items: await this.residents.search(auth, query) };
  }

  @Post()
  @ApiOperation({ summary: 'Register a resident who has no phone or WeChat, to act for them (audited)' })
  @ApiCreatedResponse({ type: ResidentProfileDto })
  @ApiErrorResponses(...STAFF_ERRORS, 'ID_NUMBER_TAKEN')
  register(@CurrentAuth() auth: AuthContext, @Body() body: RegisterResidentDto): Promise<ResidentProfile> {
    return this.residents.register(auth, body);
  }

  @Get(':residentId')
  @ApiOperation({ summary: 'A resident of my region, masked (audited)' })
  @ApiOkResponse({ type: ResidentProfileDto })
  @ApiErrorResponses(...STAFF_ERRORS)
  get(@CurrentAuth() auth: AuthContext, @UuidParam('residentId') residentId: string): Promise<ResidentProfile> {
    return this.residents.get(auth, residentId);
  }

  @Put(':residentId')
  @ApiOperation({ summary: "Edit a resident's details on their behalf (audited)" })
  @ApiOkResponse({ type: ResidentProfileDto })
  @ApiErrorResponses(...STAFF_ERRORS, 'ID_NUMBER_TAKEN')
  update(@CurrentAuth() auth: AuthContext, @UuidParam('residentId') residentId: string, @Body() body: UpdateResidentDto): Promise<ResidentProfile> {
    return this.residents.update(auth, residentId, body);
  }

  @Put(':residentId/sms-notifications')
  @ApiOperation({ summary: "Switch SMS notifications on or off for a resident, with the elder's or family's consent (audited)" })
  @ApiOkResponse({ type: ResidentProfileDto })
  @ApiErrorResponses(...STAFF_ERRORS, 'SMS_NEEDS_PHONE')
  switchSmsNotifications(@CurrentAuth() auth: AuthContext, @UuidParam('residentId') residentId: string, @Body() body: SmsNotificationsDto): Promise<ResidentProfile> {
    return this.residents.switchSmsNotifications(auth, residentId, body.enabled);
  }

  @Put(':residentId/phone')
  @ApiOperation({ summary: "Add or correct a resident's phone, without the rest of the record (audited)" })
  @ApiOkResponse({ type: ResidentProfileDto })
  @ApiErrorResponses(...STAFF_ERRORS)
  changePhone(@CurrentAuth() auth: AuthContext, @UuidParam('residentId') residentId: string, @Body() body: ResidentPhoneDto): Promise<ResidentProfile> {
    return this.residents.changePhone(auth, residentId, body);
  }

  @Post(':residentId/id-number/reveal')
  @HttpCode(200)
  @ApiOperation({ summary: 'The full ID number, for staff of the resident’s region only (audited)' })
  @ApiOkResponse({ type: RevealedIdNumberDto })
  @ApiErrorResponses(...STAFF_ERRORS)
  revealIdNumber(@CurrentAuth() auth: AuthContext, @UuidParam('residentId') residentId: string): Promise<{ idNumber: string }> {
    return this.residents.revealIdNumber(auth, residentId);
  }
}
