import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { KitchenCounts, ListResponse, MealDayClosedResult, MealOrderView, MealPickupCode, MealPrice, PlacedMealOrderView, WechatPayRequest } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { DateParam } from '../../common/http/date-param';
import { IdempotencyKey } from '../../common/http/idempotency-key';
import { UuidParam } from '../../common/http/uuid-param';
import {
  CancelMealOrderDto,
  ChangeMealOrderDto,
  CollectMealDto,
  CreateMealOrderDto,
  KitchenCountsDto,
  KitchenCountsQuery,
  MealOrderListDto,
  MealOrderViewDto,
  MealPickupCodeDto,
  MealPriceDto,
  MealQuoteDto,
  StaffMealOrdersQuery,
} from './dto/meal-orders.dto';
import { CloseMealDayDto, MealDayClosedResultDto } from './dto/menus.dto';
import { PlacedMealOrderDto } from './dto/placed-meal-order.dto';
import { WechatPayRequestDto } from '../payments';
import { MealCancellationsService } from './meal-cancellations.service';
import { MealOrderPayments } from './meal-order-payments';
import { MealOrderReads } from './meal-order-reads';
import { MealOrderingService } from './meal-ordering.service';
import { MealPickupsService } from './meal-pickups.service';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;
const ORDERING = ['CONSENT_REQUIRED', 'MEAL_NOT_OFFERED', 'MEAL_ORDER_CUT_OFF'] as const;

@ApiTags('meals: orders and pickup')
@Controller()
export class MealOrdersController {
  constructor(
    private readonly ordering: MealOrderingService,
    private readonly cancellations: MealCancellationsService,
    private readonly reads: MealOrderReads,
    private readonly orderPayments: MealOrderPayments,
    private readonly pickups: MealPickupsService,
  ) {}

  @Post('meal-quotes')
  @Roles('resident', 'staff', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'The price after subsidies of a meal for an elder, before ordering (nothing is written)' })
  @ApiOkResponse({ type: MealPriceDto })
  @ApiErrorResponses(...ERRORS, ...ORDERING)
  quote(@CurrentAuth() auth: AuthContext, @Body() body: MealQuoteDto): Promise<MealPrice> {
    return this.ordering.quote(auth, body);
  }

  @Post('meal-orders')
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: 'Order a meal for me, a household member, or (staff) an elder of my region; priced and stored whole' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body → the same order; same key + other body → 422' })
  @ApiCreatedResponse({ type: PlacedMealOrderDto })
  @ApiErrorResponses(...ERRORS, ...ORDERING, 'MEAL_SOLD_OUT', 'MEAL_POINT_FULL', 'BALANCE_INSUFFICIENT', 'IDEMPOTENCY_KEY_REUSED')
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateMealOrderDto, @IdempotencyKey() idempotencyKey: string | undefined): Promise<PlacedMealOrderView> {
    return this.ordering.create(auth, body, idempotencyKey);
  }

  @Get('meal-orders')
  @Roles('resident')
  @ApiOperation({ summary: "My meal orders and my household members', newest meal first" })
  @ApiOkResponse({ type: MealOrderListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async listMine(@CurrentAuth() auth: AuthContext): Promise<ListResponse<MealOrderView>> {
    return { items: await this.reads.listMine(auth) };
  }

  @Get('meal-orders/:orderId')
  @Roles('resident', 'staff', 'admin', 'provider_admin')
  @ApiOperation({ summary: 'One meal order' })
  @ApiOkResponse({ type: MealOrderViewDto })
  @ApiErrorResponses(...ERRORS)
  get(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<MealOrderView> {
    return this.reads.get(auth, orderId);
  }

  @Get('meal-orders/:orderId/wechat-pay')
  @Roles('resident')
  @ApiOperation({ summary: 'The signed wx.requestPayment parameters of an unpaid WeChat Pay order (again)' })
  @ApiOkResponse({ type: WechatPayRequestDto })
  @ApiErrorResponses(...ERRORS, 'INVALID_TRANSITION', 'MEAL_ORDER_CUT_OFF', 'WECHAT_PAY_UNAVAILABLE')
  wechatPayRequest(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<WechatPayRequest> {
    return this.orderPayments.wechatPayRequest(auth, orderId);
  }

  @Post('meal-orders/:orderId/wechat-pay/check')
  @Roles('resident', 'staff', 'admin', 'provider_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask WeChat Pay whether a WeChat Pay order was paid (its notification may be late) and answer the order' })
  @ApiOkResponse({ type: MealOrderViewDto })
  @ApiErrorResponses(...ERRORS, 'WECHAT_PAY_UNAVAILABLE')
  checkWechatPay(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<MealOrderView> {
    return this.orderPayments.checkWechatPay(auth, orderId);
  }

  @Post('meal-orders/:orderId/wechat-pay/demo-payment')
  @Roles('resident')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Demo only (WECHATPAY_SIMULATE_PAYMENTS, never in production; 404 otherwise): the fake WeChat Pay server plays the payer; then check the order',
  })
  @ApiNoContentResponse({ description: 'The fake WeChat Pay server took the payment and sends its notification' })
  @ApiErrorResponses(...ERRORS, 'INVALID_TRANSITION', 'MEAL_ORDER_CUT_OFF', 'WECHAT_PAY_UNAVAILABLE')
  simulateWechatPay(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<void> {
    return this.orderPayments.simulateWechatPay(auth, orderId);
  }

  @Post('meal-orders/:orderId/change')
  @Roles('resident', 'staff', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change the lines before the cut-off: portions and price redone, a balance payment settled by the difference, a paid WeChat Pay order refunded it (never charged more: INVALID_TRANSITION)',
  })
  @ApiOkResponse({ type: MealOrderViewDto })
  @ApiErrorResponses(...ERRORS, 'MEAL_NOT_OFFERED', 'MEAL_ORDER_CUT_OFF', 'MEAL_SOLD_OUT', 'INVALID_TRANSITION', 'CONFLICT', 'BALANCE_INSUFFICIENT')
  change(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Body() body: ChangeMealOrderDto): Promise<MealOrderView> {
    return this.ordering.change(auth, orderId, body.lines);
  }

  @Post('meal-orders/:orderId/cancel')
  @Roles('resident', 'staff', 'admin', 'provider_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel (the elder or household before the cut-off; the canteen and staff with a reason): meal, portions and balance given back' })
  @ApiOkResponse({ type: MealOrderViewDto })
  @ApiErrorResponses(...ERRORS, 'MEAL_ORDER_CUT_OFF', 'INVALID_TRANSITION', 'CONFLICT')
  cancel(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string, @Body() body: CancelMealOrderDto): Promise<MealOrderView> {
    return this.cancellations.cancel(auth, orderId, body.reason);
  }

  @Get('meal-orders/:orderId/pickup-code')
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: 'The pickup codes: the signed QR code (valid for minutes; ask again) and the six digits to read out' })
  @ApiOkResponse({ type: MealPickupCodeDto })
  @ApiErrorResponses(...ERRORS, 'INVALID_TRANSITION')
  pickupCode(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<MealPickupCode> {
    return this.pickups.pickupCode(auth, orderId);
  }

  @Get('staff/meal-orders')
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({ summary: "A meal point's orders of one day (default today): its canteen or staff of its region; look an elder up by name or phone tail" })
  @ApiOkResponse({ type: MealOrderListDto })
  @ApiErrorResponses(...ERRORS)
  async listForMeal(@CurrentAuth() auth: AuthContext, @Query() query: StaffMealOrdersQuery): Promise<ListResponse<MealOrderView>> {
    return { items: await this.reads.listForMeal(auth, query) };
  }

  @Post('staff/meal-pickups')
  @Roles('provider_admin', 'staff', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Hand a meal over at a meal point's counter: the six digits read out or the QR scanned; a second scan says when it was collected",
    description:
      'A wrong code answers 400 PICKUP_CODE_INVALID whatever orders exist. After CHECK_IN_MAX_WRONG_CODES wrong codes from one account at one meal point within ' +
      'CHECK_IN_WRONG_CODE_WINDOW_SECONDS, every code there answers 429 RATE_LIMITED with Retry-After (and details.retryAfterSeconds); the lookup by name stays open.',
  })
  @ApiOkResponse({ type: MealOrderViewDto })
  @ApiErrorResponses(...ERRORS, 'PICKUP_CODE_INVALID', 'RATE_LIMITED', 'MEAL_ALREADY_COLLECTED', 'MEAL_NOT_OFFERED', 'INVALID_TRANSITION', 'CONFLICT')
  collectByCode(@CurrentAuth() auth: AuthContext, @Body() body: CollectMealDto): Promise<MealOrderView> {
    return this.pickups.collectByCode(auth, body.mealPointId, body.code);
  }

  @Post('staff/meal-orders/:orderId/collect')
  @Roles('provider_admin', 'staff', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand a meal over after looking the elder up (no phone, no code)' })
  @ApiOkResponse({ type: MealOrderViewDto })
  @ApiErrorResponses(...ERRORS, 'MEAL_ALREADY_COLLECTED', 'MEAL_NOT_OFFERED', 'INVALID_TRANSITION', 'CONFLICT')
  collect(@CurrentAuth() auth: AuthContext, @UuidParam('orderId') orderId: string): Promise<MealOrderView> {
    return this.pickups.collect(auth, orderId);
  }

  @Get('staff/meal-points/:mealPointId/kitchen-counts')
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({ summary: 'Portions per dish and per tag of one meal (the orders that hold portions): what the kitchen cooks' })
  @ApiOkResponse({ type: KitchenCountsDto })
  @ApiErrorResponses(...ERRORS)
  kitchenCounts(@CurrentAuth() auth: AuthContext, @UuidParam('mealPointId') mealPointId: string, @Query() query: KitchenCountsQuery): Promise<KitchenCounts> {
    return this.pickups.kitchenCounts(auth, mealPointId, query.date, query.mealKind);
  }

  @Post('meal-points/:mealPointId/menu/:mealDate/close')
  @Roles('provider_admin', 'staff', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a day (holiday, breakdown): its orders are cancelled with the reason, balance payments credited back, elders told' })
  @ApiOkResponse({ type: MealDayClosedResultDto })
  @ApiErrorResponses(...ERRORS, 'CONFLICT')
  closeDay(
    @CurrentAuth() auth: AuthContext,
    @UuidParam('mealPointId') mealPointId: string,
    @DateParam('mealDate') mealDate: string,
    @Body() body: CloseMealDayDto,
  ): Promise<MealDayClosedResult> {
    return this.cancellations.closeDay(auth, mealPointId, mealDate, body.reason);
  }
}
