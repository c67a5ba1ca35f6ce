import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MealDeliveryCommit, MealDeliveryPlan } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { CommitMealDeliveryRunsDto, MealDeliveryCommitDto, MealDeliveryPlanDto, MealDeliveryRunsQuery } from './dto/meal-delivery-runs.dto';
import { MealDeliveryRunsService } from './meal-delivery-runs.service';

@ApiTags('meals: delivery')
@Controller()
export class MealDeliveryRunsController {
  constructor(private readonly runs: MealDeliveryRunsService) {}

  @Get('staff/meal-points/:mealPointId/delivery-runs')
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({ summary: 'The delivery runs of one meal: 送餐 orders batched per community, stops in order (a plan; fixed once the cut-off has passed)' })
  @ApiOkResponse({ type: MealDeliveryPlanDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'MEAL_NOT_OFFERED')
  plan(@CurrentAuth() auth: AuthContext, @UuidParam('mealPointId') mealPointId: string, @Query() query: MealDeliveryRunsQuery): Promise<MealDeliveryPlan> {
    return this.runs.plan(auth, mealPointId, query.date, query.mealKind);
  }

  @Post('staff/meal-points/:mealPointId/delivery-runs/commit')
  @HttpCode(200)
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({
    summary:
      'After the cut-off: plan the meal’s deliveries waiting for a run into new runs, each handed to dispatch as one meal_delivery order (repeatable: with nothing waiting it writes nothing); answers all the meal’s runs',
  })
  @ApiOkResponse({ type: MealDeliveryCommitDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'MEAL_NOT_OFFERED', 'CONFLICT')
  commit(@CurrentAuth() auth: AuthContext, @UuidParam('mealPointId') mealPointId: string, @Body() body: CommitMealDeliveryRunsDto): Promise<MealDeliveryCommit> {
    return this.runs.commit(auth, mealPointId, body.date, body.mealKind);
  }
}
