import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MealSettlement } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { MealSettlementDto, MealSettlementQueryDto } from './dto/meal-settlement.dto';
import { MealSettlementService } from './meal-settlement.service';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const;

@ApiTags('meals: settlement')
@Controller()
export class MealSettlementController {
  constructor(private readonly settlements: MealSettlementService) {}

  @Get('staff/meal-settlements')
  @Roles('provider_admin', 'staff', 'admin')
  @ApiOperation({ summary: 'A canteen’s subsidised meals of a month (elders masked) with totals and totals per subsidy rule: my canteen’s, or its meal points in my region' })
  @ApiOkResponse({ type: MealSettlementDto })
  @ApiErrorResponses(...ERRORS)
  get(@CurrentAuth() auth: AuthContext, @Query() query: MealSettlementQueryDto): Promise<MealSettlement> {
    return this.settlements.settlement(auth, query);
  }

  @Get('staff/meal-settlements/export')
  @Roles('provider_admin', 'staff', 'admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="meal-settlement.csv"')
  @ApiOperation({ summary: 'The same settlement as CSV for the civil-affairs bureau (amounts in yuan; the export is audited)' })
  @ApiOkResponse({ description: 'UTF-8 CSV with a BOM', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrorResponses(...ERRORS)
  exportCsv(@CurrentAuth() auth: AuthContext, @Query() query: MealSettlementQueryDto): Promise<string> {
    return this.settlements.exportCsv(auth, query);
  }
}
