import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import {
  MEAL_FULFILMENTS,
  MEAL_KINDS,
  MEAL_ORDER_STATUSES,
  type MealFulfilment,
  type MealKind,
  type MealOrderStatus,
  type MealSettlement,
  type MealSettlementPointTotal,
  type MealSettlementQuery,
  type MealSettlementRow,
  type MealSettlementRuleName,
  type MealSettlementRuleShare,
  type MealSettlementRuleTotal,
  type MealSettlementTotals,
} from '@linli/shared';

export class MealSettlementQueryDto implements MealSettlementQuery {
  @ApiProperty({ format: 'uuid', description: 'The canteen (provider of kind canteen)' }) @IsUUID() providerId: string;
  @ApiProperty({ example: '2026-12', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'Month of the meal dates (Shanghai)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month: string;
}

class MealSettlementRuleShareDto implements MealSettlementRuleShare {
  @ApiProperty() ruleId: string;
  @ApiProperty({ type: 'integer' }) mealFen: number;
  @ApiProperty({ type: 'integer' }) deliveryFen: number;
}

class MealSettlementRowDto implements MealSettlementRow {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ example: '2026-12-02' }) mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) mealKind: MealKind;
  @ApiProperty({ enum: MEAL_FULFILMENTS }) fulfilment: MealFulfilment;
  @ApiProperty({ enum: MEAL_ORDER_STATUSES }) status: MealOrderStatus;
  @ApiProperty({ format: 'uuid' }) mealPointId: string;
  @ApiProperty() mealPointName: string;
  @ApiProperty({ example: '王*英' }) elderName: string;
  @ApiProperty({ type: 'string', nullable: true, example: '3401**********1234' }) elderIdNumber: string | null;
  @ApiProperty({ type: [MealSettlementRuleShareDto], description: 'The rules applied and what each gave, in the order applied' }) rules: MealSettlementRuleShareDto[];
  @ApiProperty({ type: 'integer' }) grossFen: number;
  @ApiProperty({ type: 'integer' }) subsidyFen: number;
  @ApiProperty({ type: 'integer' }) payableFen: number;
  @ApiProperty({ type: 'integer' }) deliveryFeeGrossFen: number;
  @ApiProperty({ type: 'integer' }) deliverySubsidyFen: number;
  @ApiProperty({ type: 'integer' }) deliveryFeeFen: number;
  @ApiProperty({ type: 'integer' }) totalFen: number;
}

class MealSettlementTotalsDto implements MealSettlementTotals {
  @ApiProperty({ type: 'integer' }) meals: number;
  @ApiProperty({ type: 'integer' }) grossFen: number;
  @ApiProperty({ type: 'integer' }) subsidyFen: number;
  @ApiProperty({ type: 'integer' }) payableFen: number;
  @ApiProperty({ type: 'integer' }) deliveryFeeGrossFen: number;
  @ApiProperty({ type: 'integer' }) deliverySubsidyFen: number;
  @ApiProperty({ type: 'integer' }) deliveryFeeFen: number;
  @ApiProperty({ type: 'integer' }) totalFen: number;
}

class MealSettlementRuleTotalDto implements MealSettlementRuleTotal {
  @ApiProperty() ruleId: string;
  @ApiProperty({ type: 'integer' }) meals: number;
  @ApiProperty({ type: 'integer' }) mealFen: number;
  @ApiProperty({ type: 'integer' }) deliveryFen: number;
}

class MealSettlementPointTotalDto implements MealSettlementPointTotal {
  @ApiProperty({ format: 'uuid' }) mealPointId: string;
  @ApiProperty() mealPointName: string;
  @ApiProperty({ type: MealSettlementTotalsDto, description: 'The sums of the point’s rows' }) totals: MealSettlementTotalsDto;
}

class MealSettlementRuleNameDto implements MealSettlementRuleName {
  @ApiProperty() ruleId: string;
  @ApiProperty({ example: '蜀山区低保特困老人助餐补贴' }) name: string;
  @ApiProperty({ type: 'integer', example: 1 }) version: number;
}

export class MealSettlementDto implements MealSettlement {
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ type: [MealSettlementRowDto] }) rows: MealSettlementRowDto[];
  @ApiProperty({ type: MealSettlementTotalsDto, description: 'The sums of the rows' }) totals: MealSettlementTotalsDto;
  @ApiProperty({ type: [MealSettlementRuleTotalDto], description: 'Per rule id, by id; they add up to the subsidy totals' }) byRule: MealSettlementRuleTotalDto[];
  @ApiProperty({ type: [MealSettlementPointTotalDto], description: 'Per meal point, by name; they add up to the totals' }) byMealPoint: MealSettlementPointTotalDto[];
  @ApiProperty({ type: [MealSettlementRuleNameDto], description: 'The name and version of each rule id of byRule that a rule has' })
  ruleNames: MealSettlementRuleNameDto[];
}
