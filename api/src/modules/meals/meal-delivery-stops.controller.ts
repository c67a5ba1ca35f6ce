import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, WorkerMealRunView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { WorkerMealRunDto, WorkerMealRunListDto } from './dto/meal-delivery-stops.dto';
import { MealDeliveryStopsService } from './meal-delivery-stops.service';

const BASE_ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND'] as const;

@ApiTags('meals: delivery')
@Controller('worker')
export class MealDeliveryStopsController {
  constructor(private readonly stops: MealDeliveryStopsService) {}

  @Get('meal-delivery-runs')
  @Roles('worker')
  @ApiOperation({ summary: 'The meal-delivery runs I hold (and today’s finished ones), stops in order with addresses and notes' })
  @ApiOkResponse({ type: WorkerMealRunListDto })
  @ApiErrorResponses(...BASE_ERRORS)
  async runs(@CurrentAuth() auth: AuthContext): Promise<ListResponse<WorkerMealRunView>> {
    return { items: await this.stops.runs(auth) };
  }

  @Post('meal-deliveries/:mealOrderId/deliver')
  @HttpCode(200)
  @Roles('worker')
  @ApiOperation({ summary: '已送达: the meal was handed over at the door (also after 家中无人); answers the run' })
  @ApiOkResponse({ type: WorkerMealRunDto })
  @ApiErrorResponses(...BASE_ERRORS, 'INVALID_TRANSITION')
  deliver(@CurrentAuth() auth: AuthContext, @UuidParam('mealOrderId') mealOrderId: string): Promise<WorkerMealRunView> {
    return this.stops.deliver(auth, mealOrderId);
  }

  @Post('meal-deliveries/:mealOrderId/not-at-home')
  @HttpCode(200)
  @Roles('worker')
  @ApiOperation({ summary: '家中无人: nobody opened; the family and the community staff are told; answers the run' })
  @ApiOkResponse({ type: WorkerMealRunDto })
  @ApiErrorResponses(...BASE_ERRORS, 'INVALID_TRANSITION')
  notAtHome(@CurrentAuth() auth: AuthContext, @UuidParam('mealOrderId') mealOrderId: string): Promise<WorkerMealRunView> {
    return this.stops.notAtHome(auth, mealOrderId);
  }
}
