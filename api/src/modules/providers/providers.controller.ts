import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InvitationCode, ListResponse } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { InvitationCodeDto } from '../auth';
import { CreateProviderDto, CreateWorkerDto, ProviderApplicationDto, ProviderDto, ProviderListDto, ProviderStatusDto, WorkerDto, WorkerListDto } from './dto/provider.dto';
import { DispatchModeDto, DispatchProfileDto } from './dto/worker-profile.dto';
import { ProvidersService } from './providers.service';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('providers')
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @Roles('staff', 'admin', 'provider_admin')
  @ApiOperation({ summary: 'Providers my region oversees, or my own organisation' })
  @ApiOkResponse({ type: ProviderListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async list(@CurrentAuth() auth: AuthContext): Promise<ListResponse<ProviderDto>> {
    return { items: await this.providers.list(auth) };
  }

  @Post()
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Register a provider organisation and its administrator account' })
  @ApiCreatedResponse({ type: ProviderDto })
  @ApiErrorResponses(...ERRORS, 'CONFLICT')
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateProviderDto): Promise<ProviderDto> {
    return this.providers.create(auth, body);
  }

  @Put(':providerId/status')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Approve or reject an application, suspend or reinstate a provider my region oversees (a reason to reject or suspend)' })
  @ApiOkResponse({ type: ProviderDto })
  @ApiErrorResponses(...ERRORS, 'INVALID_TRANSITION')
  setStatus(@CurrentAuth() auth: AuthContext, @UuidParam('providerId') providerId: string, @Body() body: ProviderStatusDto): Promise<ProviderDto> {
    return this.providers.setStatus(auth, providerId, body);
  }

  @Get(':providerId/workers')
  @Roles('staff', 'admin', 'provider_admin')
  @ApiOperation({ summary: "A provider's workers (phones masked)" })
  @ApiOkResponse({ type: WorkerListDto })
  @ApiErrorResponses(...ERRORS)
  async listWorkers(@CurrentAuth() auth: AuthContext, @UuidParam('providerId') providerId: string): Promise<ListResponse<WorkerDto>> {
    return { items: await this.providers.listWorkers(auth, providerId) };
  }

  @Post(':providerId/workers')
  @Roles('staff', 'admin', 'provider_admin')
  @ApiOperation({ summary: 'Add a worker record' })
  @ApiCreatedResponse({ type: WorkerDto })
  @ApiErrorResponses(...ERRORS)
  addWorker(@CurrentAuth() auth: AuthContext, @UuidParam('providerId') providerId: string, @Body() body: CreateWorkerDto): Promise<WorkerDto> {
    return this.providers.addWorker(auth, providerId, body);
  }

  @Put(':providerId/workers/:workerId/dispatch-profile')
  @Roles('staff', 'admin', 'provider_admin')
  @ApiOperation({ summary: "Set a worker's skills (home services), areas (communities), weekly hours and cap on unfinished orders" })
  @ApiOkResponse({ type: WorkerDto })
  @ApiErrorResponses(...ERRORS, 'CONFLICT')
  setDispatchProfile(
    @CurrentAuth() auth: AuthContext,
    @UuidParam('providerId') providerId: string,
    @UuidParam('workerId') workerId: string,
    @Body() body: DispatchProfileDto,
  ): Promise<WorkerDto> {
    return this.providers.setDispatchProfile(auth, providerId, workerId, body);
  }

  @Put(':providerId/dispatch-mode')
  @Roles('staff', 'admin', 'provider_admin')
  @ApiOperation({ summary: "Choose how the provider's workers get orders: offers from the dispatcher (assign) or the grab pool (grab)" })
  @ApiOkResponse({ type: ProviderDto })
  @ApiErrorResponses(...ERRORS)
  setDispatchMode(@CurrentAuth() auth: AuthContext, @UuidParam('providerId') providerId: string, @Body() body: DispatchModeDto): Promise<ProviderDto> {
    return this.providers.setDispatchMode(auth, providerId, body.mode);
  }

  @Post(':providerId/workers/:workerId/invitation')
  @Roles('staff', 'admin', 'provider_admin')
  @ApiOperation({ summary: 'Issue a one-time code for the worker to bind their WeChat' })
  @ApiCreatedResponse({ type: InvitationCodeDto })
  @ApiErrorResponses(...ERRORS, 'CONFLICT')
  inviteWorker(@CurrentAuth() auth: AuthContext, @UuidParam('providerId') providerId: string, @UuidParam('workerId') workerId: string): Promise<InvitationCode> {
    return this.providers.inviteWorker(auth, providerId, workerId);
  }
}

/** Organisations applying to join, from the mini program of a WeChat-signed-in person. */
@ApiTags('providers')
@Controller('provider-applications')
export class ProviderApplicationsController {
  constructor(private readonly providers: ProvidersService) {}

  @Post()
  @Roles('resident')
  @ApiOperation({ summary: 'Apply for an organisation to join; it waits for staff of the street or community it serves' })
  @ApiCreatedResponse({ type: ProviderDto })
  @ApiErrorResponses(...ERRORS, 'CONFLICT', 'CONSENT_REQUIRED')
  apply(@CurrentAuth() auth: AuthContext, @Body() body: ProviderApplicationDto): Promise<ProviderDto> {
    return this.providers.apply(auth, body);
  }

  @Get('mine')
  @Roles('resident')
  @ApiOperation({ summary: 'The applications I sent, newest first, with their outcome' })
  @ApiOkResponse({ type: ProviderListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async listMine(@CurrentAuth() auth: AuthContext): Promise<ListResponse<ProviderDto>> {
    return { items: await this.providers.listMyApplications(auth) };
  }
}
