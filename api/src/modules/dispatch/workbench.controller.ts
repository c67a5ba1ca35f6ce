import { Body, Controller, Get, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  MAX_PHOTO_BYTES,
  type ListResponse,
  type OrderPhoneView,
  type OrderPhotoView,
  type ServiceOrderDetail,
  type ServiceOrderView,
  type WorkbenchProfileView,
} from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { receivePhoto } from '../../common/storage/photo-upload';
import {
  CompleteOrderDto,
  CurrentOfferDto,
  OrderPhoneDto,
  OrderPhotoDto,
  PositionDto,
  PresenceDto,
  ReasonDto,
  RejectedOfferDto,
  ServiceOrderDetailDto,
  ServiceOrderListDto,
  ServiceOrderViewDto,
  WorkbenchProfileDto,
  WorkerOrdersQueryDto,
} from './dto/dispatch.dto';
import { OrderPhotosService } from './order-photos.service';
import { WorkbenchService } from './workbench.service';

const BASE_ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND'] as const;
const STEP_ERRORS = [...BASE_ERRORS, 'VALIDATION_FAILED', 'INVALID_TRANSITION'] as const;

@ApiTags('home services: workers')
@Controller('worker')
export class WorkbenchController {
  constructor(
    private readonly workbench: WorkbenchService,
    private readonly photos: OrderPhotosService,
  ) {}

  @Get('profile')
  @Roles('worker')
  @ApiOperation({ summary: 'My skills, areas, hours, load and rating' })
  @ApiOkResponse({ type: WorkbenchProfileDto })
  @ApiErrorResponses(...BASE_ERRORS)
  profile(@CurrentAuth() auth: AuthContext): Promise<WorkbenchProfileView> {
    return this.workbench.profile(auth);
  }

  @Put('presence')
  @Roles('worker')
  @ApiOperation({ summary: 'Go online or offline (with my position when the phone has one)' })
  @ApiOkResponse({ type: WorkbenchProfileDto })
  @ApiErrorResponses(...BASE_ERRORS, 'VALIDATION_FAILED')
  setPresence(@CurrentAuth() auth: AuthContext, @Body() body: PresenceDto): Promise<WorkbenchProfileView> {
    return this.workbench.setPresence(auth, body.online, body);
  }

  @Put('position')
  @Roles('worker')
  @ApiOperation({ summary: 'Report my position (GCJ-02) while online' })
  @ApiOkResponse({ type: WorkbenchProfileDto })
  @ApiErrorResponses(...BASE_ERRORS, 'VALIDATION_FAILED')
  setPosition(@CurrentAuth() auth: AuthContext, @Body() body: PositionDto): Promise<WorkbenchProfileView> {
    return this.workbench.setPosition(auth, body);
  }

  @Get('offer')
  @Roles('worker')
  @ApiOperation({ summary: 'The offer waiting for my answer, with its expiry' })
  @ApiOkResponse({ type: CurrentOfferDto })
  @ApiErrorResponses(...BASE_ERRORS)
  async currentOffer(@CurrentAuth() auth: AuthContext): Promise<CurrentOfferDto> {
    return { offer: await this.workbench.currentOffer(auth) };
  }

  @Post('offers/:offerId/accept')
  @HttpCode(200)
  @Roles('worker')
  @ApiOperation({ summary: 'Accept an offer before it expires' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...STEP_ERRORS, 'OFFER_EXPIRED', 'ORDER_TAKEN', 'WORKER_AT_CAPACITY')
  accept(@CurrentAuth() auth: AuthContext, @UuidParam('offerId') offerId: string): Promise<ServiceOrderView> {
    return this.workbench.accept(auth, offerId);
  }

  @Post('offers/:offerId/reject')
  @HttpCode(200)
  @Roles('worker')
  @ApiOperation({ summary: 'Refuse an offer with a reason; it goes to the next worker' })
  @ApiOkResponse({ type: RejectedOfferDto })
  @ApiErrorResponses(...STEP_ERRORS, 'OFFER_EXPIRED', 'ORDER_TAKEN')
  async reject(@CurrentAuth() auth: AuthContext, @UuidParam('offerId') offerId: string, @Body() body: ReasonDto): Promise<RejectedOfferDto> {
    await this.workbench.reject(auth, offerId, body.reason);
    return { status: 'rejected' };
  }

  @Get('pool')
  @Roles('worker')
  @ApiOperation({ summary: 'Orders in the grab pool that I could take' })
  @ApiOkResponse({ type: ServiceOrderListDto })
  @ApiErrorResponses(...BASE_ERRORS)
  async pool(@CurrentAuth() auth: AuthContext): Promise<ListResponse<ServiceOrderView>> {
    return { items: await this.workbench.pool(auth) };
  }

  @Post('pool/:orderId/grab')
  @HttpCode(200)
  @Roles('worker')
  @ApiOperation({ summary: 'Take a pool order: the first taker wins' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...BASE_ERRORS, 'ORDER_TAKEN', 'WORKER_OFFLINE', 'WORKER_AT_CAPACITY')
  grab(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<ServiceOrderView> {
    return this.workbench.grab(auth, orderId);
  }

  @Get('orders')
  @Roles('worker')
  @ApiOperation({ summary: 'My current jobs (active) or finished ones (history)' })
  @ApiOkResponse({ type: ServiceOrderListDto })
  @ApiErrorResponses(...BASE_ERRORS, 'VALIDATION_FAILED')
  async listOrders(@CurrentAuth() auth: AuthContext, @Query() query: WorkerOrdersQueryDto): Promise<ListResponse<ServiceOrderView>> {
    return { items: await this.workbench.listOrders(auth, query.state ?? 'active') };
  }

  @Get('orders/:orderId')
  @Roles('worker')
  @ApiOperation({ summary: 'One of my jobs with its timeline' })
  @ApiOkResponse({ type: ServiceOrderDetailDto })
  @ApiErrorResponses(...BASE_ERRORS)
  detail(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<ServiceOrderDetail> {
    return this.workbench.detail(auth, orderId);
  }

  @Post('orders/:orderId/set-out')
  @HttpCode(200)
  @Roles('worker')
  @ApiOperation({ summary: 'I am on my way (on the service day, from DISPATCH_SET_OUT_LEAD_MINUTES before the window)' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...STEP_ERRORS, 'SET_OUT_TOO_EARLY')
  setOut(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<ServiceOrderView> {
    return this.workbench.setOut(auth, orderId);
  }

  @Post('orders/:orderId/call')
  @HttpCode(200)
  @Roles('worker')
  @ApiOperation({ summary: "The resident's full number, to call them about an order I hold or finished within 24 h (audited)" })
  @ApiOkResponse({ type: OrderPhoneDto })
  @ApiErrorResponses(...BASE_ERRORS, 'CALL_UNAVAILABLE')
  callResident(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<OrderPhoneView> {
    return this.workbench.callResident(auth, orderId);
  }

  @Post('orders/:orderId/stops/:mealOrderId/call')
  @HttpCode(200)
  @Roles('worker')
  @ApiOperation({ summary: "The elder's full number at one stop of a meal-delivery run I hold (or the family's, when the elder has no phone; audited)" })
  @ApiOkResponse({ type: OrderPhoneDto })
  @ApiErrorResponses(...BASE_ERRORS, 'CALL_UNAVAILABLE')
  callStop(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @UuidParam('mealOrderId') mealOrderId: string): Promise<OrderPhoneView> {
    return this.workbench.callStop(auth, orderId, mealOrderId);
  }

  @Post('orders/:orderId/start')
  @HttpCode(200)
  @Roles('worker')
  @ApiOperation({ summary: 'I have arrived and started the work' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...STEP_ERRORS)
  start(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<ServiceOrderView> {
    return this.workbench.start(auth, orderId);
  }

  @Post('orders/:orderId/photos')
  @Roles('worker')
  @ApiOperation({ summary: 'Upload a photo of the work (multipart field "photo", JPEG or PNG, at most 2 MB, 6 per order)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['photo'], properties: { photo: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: OrderPhotoDto })
  @ApiErrorResponses(...STEP_ERRORS, 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  async uploadPhoto(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Req() request: FastifyRequest): Promise<OrderPhotoView> {
    return this.photos.upload(auth, orderId, await receivePhoto(request, MAX_PHOTO_BYTES));
  }

  @Post('orders/:orderId/complete')
  @HttpCode(200)
  @Roles('worker')
  @ApiOperation({ summary: 'The work is done (with a note for the resident)' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...STEP_ERRORS)
  complete(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Body() body: CompleteOrderDto): Promise<ServiceOrderView> {
    return this.workbench.complete(auth, orderId, body.note);
  }
}
