import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, MealDistrictView, MealSubsidyRuleView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { CreateMealSubsidySchemeDto, MealDistrictListDto, MealSubsidyRuleDto, MealSubsidyRuleInputDto, MealSubsidyRuleListDto } from './dto/meal-subsidy-rule.dto';
import { MealSubsidyRulesService } from './meal-subsidy-rules.service';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('meals: subsidy rules')
@Controller()
export class MealSubsidyRulesController {
  constructor(private readonly rules: MealSubsidyRulesService) {}

  @Get('districts/:districtId/meal-subsidy-rules')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: "A district's subsidy rules, every version (staff and admins working in, above or below the district)" })
  @ApiOkResponse({ type: MealSubsidyRuleListDto })
  @ApiErrorResponses(...ERRORS)
  async list(@CurrentAuth() auth: AuthContext, @UuidParam('districtId') districtId: string): Promise<ListResponse<MealSubsidyRuleView>> {
    return { items: await this.rules.list(auth, districtId) };
  }

  @Get('staff/meal-districts')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'The districts of my city: any may be an elder’s registered district; each says whether I may read and write its subsidy rules' })
  @ApiOkResponse({ type: MealDistrictListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async districts(@CurrentAuth() auth: AuthContext): Promise<ListResponse<MealDistrictView>> {
    return { items: await this.rules.districts(auth) };
  }

  @Post('admin/districts/:districtId/meal-subsidy-rules')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a subsidy scheme (its version 1) for a district of my scope, audited' })
  @ApiCreatedResponse({ type: MealSubsidyRuleDto })
  @ApiErrorResponses(...ERRORS, 'MEAL_SUBSIDY_RULE_INVALID', 'CONFLICT')
  create(@CurrentAuth() auth: AuthContext, @UuidParam('districtId') districtId: string, @Body() body: CreateMealSubsidySchemeDto): Promise<MealSubsidyRuleView> {
    return this.rules.createScheme(auth, districtId, body);
  }

  @Post('admin/meal-subsidy-schemes/:schemeId/versions')
  @Roles('admin')
  @ApiOperation({ summary: 'Publish a new version of a scheme from a date; the previous version ends the day before, audited' })
  @ApiCreatedResponse({ type: MealSubsidyRuleDto })
  @ApiErrorResponses(...ERRORS, 'MEAL_SUBSIDY_RULE_INVALID', 'CONFLICT')
  publishVersion(@CurrentAuth() auth: AuthContext, @UuidParam('schemeId') schemeId: string, @Body() body: MealSubsidyRuleInputDto): Promise<MealSubsidyRuleView> {
    return this.rules.publishVersion(auth, schemeId, body);
  }

  @Post('admin/meal-subsidy-rules/:ruleId/withdraw')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Withdraw the latest version of a scheme before it comes into force, audited' })
  @ApiOkResponse({ type: MealSubsidyRuleDto })
  @ApiErrorResponses(...ERRORS, 'MEAL_SUBSIDY_RULE_IN_FORCE', 'CONFLICT')
  withdraw(@CurrentAuth() auth: AuthContext, @UuidParam('ruleId') ruleId: string): Promise<MealSubsidyRuleView> {
    return this.rules.withdraw(auth, ruleId);
  }
}
