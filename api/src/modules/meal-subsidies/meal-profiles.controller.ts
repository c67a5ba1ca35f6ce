import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ElderMealProfileView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { AddHardshipDto, ElderMealProfileDto, EndHardshipDto, UpdateMealProfileDto } from './dto/meal-profile.dto';
import { MealProfilesService } from './meal-profiles.service';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('meals: elder profiles')
@Controller()
export class MealProfilesController {
  constructor(private readonly profiles: MealProfilesService) {}

  @Get('meal-profiles/:residentId')
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: "An elder's meal profile (age source, districts, hardships): mine, my household's, or (staff) my region's, audited for staff" })
  @ApiOkResponse({ type: ElderMealProfileDto })
  @ApiErrorResponses(...ERRORS)
  view(@CurrentAuth() auth: AuthContext, @UuidParam('residentId') residentId: string): Promise<ElderMealProfileView> {
    return this.profiles.view(auth, residentId);
  }

  @Put('staff/meal-profiles/:residentId')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Record the district of the elder’s household registration (户籍), audited' })
  @ApiOkResponse({ type: ElderMealProfileDto })
  @ApiErrorResponses(...ERRORS)
  setRegisteredDistrict(@CurrentAuth() auth: AuthContext, @UuidParam('residentId') residentId: string, @Body() body: UpdateMealProfileDto): Promise<ElderMealProfileView> {
    return this.profiles.setRegisteredDistrict(auth, residentId, body);
  }

  @Post('staff/meal-profiles/:residentId/hardships')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Enter a hardship (低保, 特困, 失能 …) checked against the civil-affairs record: entered = verified by me, audited' })
  @ApiCreatedResponse({ type: ElderMealProfileDto })
  @ApiErrorResponses(...ERRORS)
  addHardship(@CurrentAuth() auth: AuthContext, @UuidParam('residentId') residentId: string, @Body() body: AddHardshipDto): Promise<ElderMealProfileView> {
    return this.profiles.addHardship(auth, residentId, body);
  }

  @Post('staff/meal-profiles/:residentId/hardships/:hardshipId/end')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'End a hardship on a date (it is never deleted, so past subsidies stay explainable), audited' })
  @ApiOkResponse({ type: ElderMealProfileDto })
  @ApiErrorResponses(...ERRORS)
  endHardship(
    @CurrentAuth() auth: AuthContext,
    @UuidParam('residentId') residentId: string,
    @UuidParam('hardshipId') hardshipId: string,
    @Body() body: EndHardshipDto,
  ): Promise<ElderMealProfileView> {
    return this.profiles.endHardship(auth, residentId, hardshipId, body);
  }
}
