import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MealBalanceEntryView, MealBalanceView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { IdempotencyKey } from '../../common/http/idempotency-key';
import { UuidParam } from '../../common/http/uuid-param';
import { MealBalanceDto, MealBalanceEntryDto, MealBalanceQuery, TopUpMealBalanceDto } from './dto/meal-balance.dto';
import { MealBalanceService } from './meal-balance.service';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('meals: balance')
@Controller()
export class MealBalanceController {
  constructor(private readonly balances: MealBalanceService) {}

  @Get('meal-balances/:residentId')
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: "An elder's meal balance (the ledger's sum) and one page of its ledger, newest first: mine, my household's, or (staff) my region's" })
  @ApiOkResponse({ type: MealBalanceDto })
  @ApiErrorResponses(...ERRORS)
  view(@CurrentAuth() auth: AuthContext, @UuidParam('residentId') residentId: string, @Query() query: MealBalanceQuery): Promise<MealBalanceView> {
    return this.balances.view(auth, residentId, query);
  }

  @Post('staff/meal-balances/:residentId/top-ups')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Record money paid in at the desk (现金/转账) as a ledger row, audited' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body → the same top-up, recorded once; same key + other body → 422' })
  @ApiCreatedResponse({ type: MealBalanceEntryDto })
  @ApiErrorResponses(...ERRORS, 'IDEMPOTENCY_KEY_REUSED')
  topUp(
    @CurrentAuth() auth: AuthContext,
    @UuidParam('residentId') residentId: string,
    @Body() body: TopUpMealBalanceDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<MealBalanceEntryView> {
    return this.balances.topUp(auth, residentId, body, idempotencyKey);
  }
}
