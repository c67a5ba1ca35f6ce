import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreatedMealBalanceTopUpView, MealBalanceTopUpView, WechatPayRequest } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { IdempotencyKey } from '../../common/http/idempotency-key';
import { UuidParam } from '../../common/http/uuid-param';
import { WechatPayRequestDto } from '../payments';
import { CreateMealBalanceTopUpDto, CreatedMealBalanceTopUpDto, MealBalanceTopUpDto } from './dto/meal-balance-top-up.dto';
import { MealBalanceTopUps } from './meal-balance-top-ups';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('meals: balance')
@Controller()
export class MealBalanceTopUpsController {
  constructor(private readonly topUps: MealBalanceTopUps) {}

  @Post('meal-balances/:residentId/wechat-top-ups')
  @Roles('resident')
  @ApiOperation({ summary: "Top up my or my household elder's meal balance with WeChat Pay: the top-up and its signed wx.requestPayment parameters" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body → the same top-up; same key + other body → 422' })
  @ApiCreatedResponse({ type: CreatedMealBalanceTopUpDto })
  @ApiErrorResponses(...ERRORS, 'IDEMPOTENCY_KEY_REUSED')
  create(
    @CurrentAuth() auth: AuthContext,
    @UuidParam('residentId') residentId: string,
    @Body() body: CreateMealBalanceTopUpDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<CreatedMealBalanceTopUpView> {
    return this.topUps.create(auth, residentId, body.amountFen, idempotencyKey);
  }

  @Get('meal-balance-top-ups/:topUpId/wechat-pay')
  @Roles('resident')
  @ApiOperation({ summary: 'The signed wx.requestPayment parameters of a top-up not yet paid (again)' })
  @ApiOkResponse({ type: WechatPayRequestDto })
  @ApiErrorResponses(...ERRORS, 'INVALID_TRANSITION', 'WECHAT_PAY_UNAVAILABLE')
  wechatPayRequest(@CurrentAuth() auth: AuthContext, @UuidParam('topUpId') topUpId: string): Promise<WechatPayRequest> {
    return this.topUps.wechatPayRequest(auth, topUpId);
  }

  @Post('meal-balance-top-ups/:topUpId/wechat-pay/check')
  @Roles('resident')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask WeChat Pay whether a top-up was paid (its notification may be late) and answer the top-up' })
  @ApiOkResponse({ type: MealBalanceTopUpDto })
  @ApiErrorResponses(...ERRORS, 'WECHAT_PAY_UNAVAILABLE')
  check(@CurrentAuth() auth: AuthContext, @UuidParam('topUpId') topUpId: string): Promise<MealBalanceTopUpView> {
    return this.topUps.check(auth, topUpId);
  }

  @Post('meal-balance-top-ups/:topUpId/wechat-pay/demo-payment')
  @Roles('resident')
  @HttpCode(204)
  @ApiOperation({ summary: 'Demo only (WECHATPAY_SIMULATE_PAYMENTS, never in production; 404 otherwise): the fake WeChat Pay server plays the payer; then check' })
  @ApiNoContentResponse({ description: 'The fake WeChat Pay server took the payment and sends its notification' })
  @ApiErrorResponses(...ERRORS, 'INVALID_TRANSITION', 'WECHAT_PAY_UNAVAILABLE')
  simulatePayment(@CurrentAuth() auth: AuthContext, @UuidParam('topUpId') topUpId: string): Promise<void> {
    return this.topUps.simulatePayment(auth, topUpId);
  }
}
