import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import type { HomeOrderInput, ListResponse, OrderPhoneView, ServiceOrderDetail, ServiceOrderView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { PositionCoordinate } from '../../common/http/geo-position';
import { IdempotencyKey } from '../../common/http/idempotency-key';
import { UuidParam } from '../../common/http/uuid-param';
import { OrderPhoneDto, RatingDto, ReasonDto, ServiceOrderDetailDto, ServiceOrderListDto, ServiceOrderViewDto } from './dto/dispatch.dto';
import { HomeOrdersService } from './home-orders.service';

class CreateHomeOrderDto implements HomeOrderInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() centreId: string;
  @ApiProperty({ format: 'uuid', description: 'A home-mode service' }) @IsUUID() serviceId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() residentId: string;
  @ApiProperty({ example: '蜀山区肥西路 3 号院 5 栋 201' }) @IsString() @Length(4, 200) address: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) windowStartsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) windowEndsAt: string;
  @ApiProperty({ example: '厨房和卫生间深度保洁' }) @IsString() @Length(2, 500) description: string;
  @PositionCoordinate('latitude', { optional: true, description: 'Where the work is (GCJ-02), with longitude; the centre is used when neither is sent' }) latitude?: number;
  @PositionCoordinate('longitude', { optional: true, description: 'GCJ-02, with latitude, or neither' }) longitude?: number;
}

const READ_ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND'] as const;
const ACTION_ERRORS = [...READ_ERRORS, 'VALIDATION_FAILED', 'INVALID_TRANSITION'] as const;

@ApiTags('home services: residents')
@Controller('home-orders')
export class HomeOrdersController {
  constructor(private readonly orders: HomeOrdersService) {}

  @Post()
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: 'Request a home service (address, time window, what is needed); the dispatcher takes it from there' })
  @ApiCreatedResponse({ type: ServiceOrderViewDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body → the same order; same key + other body → 422' })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'CONSENT_REQUIRED', 'SLOT_UNAVAILABLE', 'IDEMPOTENCY_KEY_REUSED')
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateHomeOrderDto, @IdempotencyKey() idempotencyKey: string | undefined): Promise<ServiceOrderView> {
    return this.orders.create(auth, body, idempotencyKey);
  }

  @Get()
  @Roles('resident')
  @ApiOperation({ summary: "My and my household's home-service orders" })
  @ApiOkResponse({ type: ServiceOrderListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async listMine(@CurrentAuth() auth: AuthContext): Promise<ListResponse<ServiceOrderView>> {
    return { items: await this.orders.listMine(auth) };
  }

  @Get(':orderId')
  @Roles('resident')
  @ApiOperation({ summary: 'One of my (or my household’s) orders with its timeline and worker' })
  @ApiOkResponse({ type: ServiceOrderDetailDto })
  @ApiErrorResponses(...READ_ERRORS)
  detail(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<ServiceOrderDetail> {
    return this.orders.detail(auth, orderId);
  }

  @Post(':orderId/call')
  @HttpCode(200)
  @Roles('resident')
  @ApiOperation({ summary: "The worker's full number, to call them while they hold the order or within 24 h after the work (audited)" })
  @ApiOkResponse({ type: OrderPhoneDto })
  @ApiErrorResponses(...READ_ERRORS, 'CALL_UNAVAILABLE')
  callWorker(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<OrderPhoneView> {
    return this.orders.callWorker(auth, orderId);
  }

  @Post(':orderId/cancel')
  @HttpCode(200)
  @Roles('resident')
  @ApiOperation({ summary: 'Cancel, with a reason, before the worker sets out' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...ACTION_ERRORS)
  cancel(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Body() body: ReasonDto): Promise<ServiceOrderView> {
    return this.orders.cancel(auth, orderId, body.reason);
  }

  @Post(':orderId/confirm')
  @HttpCode(200)
  @Roles('resident')
  @ApiOperation({ summary: 'Confirm the work is done' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...ACTION_ERRORS)
  confirm(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<ServiceOrderView> {
    return this.orders.confirm(auth, orderId);
  }

  @Post(':orderId/rating')
  @HttpCode(200)
  @Roles('resident')
  @ApiOperation({ summary: 'Rate the work 1–5 with an optional comment (once; rating a completed order confirms it)' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...ACTION_ERRORS, 'ALREADY_RATED')
  rate(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Body() body: RatingDto): Promise<ServiceOrderView> {
    return this.orders.rate(auth, orderId, body);
  }

  @Post(':orderId/complaint')
  @HttpCode(200)
  @Roles('resident')
  @ApiOperation({ summary: 'Complain about finished work: the order goes to staff as disputed' })
  @ApiOkResponse({ type: ServiceOrderViewDto })
  @ApiErrorResponses(...ACTION_ERRORS)
  complain(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Body() body: ReasonDto): Promise<ServiceOrderView> {
    return this.orders.complain(auth, orderId, body.reason);
  }
}
