import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, MealPointListItem, MealPointView, MenuMealView, MenuPublishResult, MenuView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { DateParam } from '../../common/http/date-param';
import { UuidParam } from '../../common/http/uuid-param';
import { CreateMealPointDto, ManagedMealPointListDto, MealPointInputDto, MealPointListDto, MealPointsQuery, MealPointViewDto } from './dto/meal-points.dto';
import { ChangeMealDto, CopyMenuWeekDto, MenuMealViewDto, MenuPublishResultDto, MenuQuery, MenuViewDto, PublishMenuDto } from './dto/menus.dto';
import { MealPointsService } from './meal-points.service';
import { MenusService } from './menus.service';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('meals: meal points and menus')
@Controller()
export class MealPointsController {
  constructor(
    private readonly points: MealPointsService,
    private readonly menus: MenusService,
  ) {}

  @Post('meal-points')
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({ summary: 'Set up a meal point (助餐点) of a canteen: my own canteen, or (staff) one in my region' })
  @ApiCreatedResponse({ type: MealPointViewDto })
  @ApiErrorResponses(...ERRORS)
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateMealPointDto): Promise<MealPointView> {
    return this.points.create(auth, body);
  }

  @Get('meal-points')
  @Roles('resident', 'staff', 'admin', 'provider_admin')
  @ApiOperation({ summary: 'Meal points to eat at: those serving the community first (default mine), or nearest first when a position is given' })
  @ApiOkResponse({ type: MealPointListDto })
  @ApiErrorResponses(...ERRORS)
  async list(@CurrentAuth() auth: AuthContext, @Query() query: MealPointsQuery): Promise<ListResponse<MealPointListItem>> {
    return { items: await this.points.listForResident(auth, query) };
  }

  @Get('staff/meal-points')
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({ summary: 'The meal points I run: my canteen’s, or those of my region' })
  @ApiOkResponse({ type: ManagedMealPointListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async listManaged(@CurrentAuth() auth: AuthContext): Promise<ListResponse<MealPointView>> {
    return { items: await this.points.listManaged(auth) };
  }

  @Get('meal-points/:mealPointId')
  @Roles('resident', 'staff', 'admin', 'provider_admin')
  @ApiOperation({ summary: 'One meal point' })
  @ApiOkResponse({ type: MealPointViewDto })
  @ApiErrorResponses(...ERRORS)
  get(@UuidParam('mealPointId') mealPointId: string): Promise<MealPointView> {
    return this.points.get(mealPointId);
  }

  @Put('meal-points/:mealPointId')
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({ summary: 'Change a meal point I run (communities and meal windows are replaced as given)' })
  @ApiOkResponse({ type: MealPointViewDto })
  @ApiErrorResponses(...ERRORS)
  update(@CurrentAuth() auth: AuthContext, @UuidParam('mealPointId') mealPointId: string, @Body() body: MealPointInputDto): Promise<MealPointView> {
    return this.points.update(auth, mealPointId, body);
  }

  @Get('meal-points/:mealPointId/menu')
  @Roles('resident', 'staff', 'admin', 'provider_admin')
  @ApiOperation({ summary: 'The menu: every served meal of each date (default today and six more), with cut-off, capacity left and dishes' })
  @ApiOkResponse({ type: MenuViewDto })
  @ApiErrorResponses(...ERRORS)
  menu(@UuidParam('mealPointId') mealPointId: string, @Query() query: MenuQuery): Promise<MenuView> {
    return this.menus.menu(mealPointId, query);
  }

  @Put('meal-points/:mealPointId/menu')
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({ summary: 'Publish meals (usually a week): each replaced unless orders were already placed for it (those are listed as skipped)' })
  @ApiOkResponse({ type: MenuPublishResultDto })
  @ApiErrorResponses(...ERRORS, 'MEAL_NOT_OFFERED')
  publish(@CurrentAuth() auth: AuthContext, @UuidParam('mealPointId') mealPointId: string, @Body() body: PublishMenuDto): Promise<MenuPublishResult> {
    return this.menus.publish(auth, mealPointId, body.meals);
  }

  @Post('meal-points/:mealPointId/menu/copy-last-week')
  @Roles('provider_admin', 'staff', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Copy the seven days before fromDate onto the seven days from it (meals with orders are kept)' })
  @ApiOkResponse({ type: MenuPublishResultDto })
  @ApiErrorResponses(...ERRORS)
  copyLastWeek(@CurrentAuth() auth: AuthContext, @UuidParam('mealPointId') mealPointId: string, @Body() body: CopyMenuWeekDto): Promise<MenuPublishResult> {
    return this.menus.copyLastWeek(auth, mealPointId, body.fromDate);
  }

  @Put('meal-points/:mealPointId/menu/:mealDate')
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({ summary: 'Change one meal of one day (refused once it has orders: close the day instead)' })
  @ApiOkResponse({ type: MenuMealViewDto })
  @ApiErrorResponses(...ERRORS, 'MEAL_NOT_OFFERED', 'MEAL_MENU_HAS_ORDERS')
  changeMeal(
    @CurrentAuth() auth: AuthContext,
    @UuidParam('mealPointId') mealPointId: string,
    @DateParam('mealDate') mealDate: string,
    @Body() body: ChangeMealDto,
  ): Promise<MenuMealView> {
    return this.menus.changeMeal(auth, mealPointId, mealDate, body.mealKind, body.dishes);
  }
}
