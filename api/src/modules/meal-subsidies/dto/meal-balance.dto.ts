import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  MEAL_BALANCE_ENTRY_KINDS,
  MEAL_BALANCE_ENTRY_METHODS,
  MEAL_TOP_UP_METHODS,
  type MealBalanceEntryMethod,
  type MealBalanceEntryKind,
  type MealBalanceEntryView,
  type MealBalanceView,
  type MealTopUpMethod,
  type TopUpMealBalanceRequest,
} from '@linli/shared';
import { ApiEnumOrNull } from '../../../common/http/api-nullable';

/** ¥5,000: more at the desk in one go is a typo, not a top-up. */
export const MAX_TOP_UP_FEN = 500_000;
const MAX_PAGE_SIZE = 100;

export class MealBalanceEntryDto implements MealBalanceEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: '1, 2, 3 … per elder, in the order the movements happened' }) sequence: number;
  @ApiProperty({ enum: MEAL_BALANCE_ENTRY_KINDS, description: 'top_up 充值, meal_payment 餐费, refund 退款' }) kind: MealBalanceEntryKind;
  @ApiProperty({ type: 'integer', example: 5000, description: 'Fen; positive for top-ups and refunds, negative for meal payments' }) amountFen: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 5000 }) balanceAfterFen: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mealOrderId: string | null;
  @ApiEnumOrNull(MEAL_BALANCE_ENTRY_METHODS, { description: 'How a top-up was paid (现金/转账 at the desk, 微信支付 online)' }) method: MealBalanceEntryMethod | null;
  @ApiProperty({ type: String, nullable: true, description: 'Refund reason or top-up note' }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MealBalanceDto implements MealBalanceView {
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The sum of the ledger, fen' }) balanceFen: number;
  @ApiProperty({ type: [MealBalanceEntryDto], description: 'This page of the ledger, newest first' }) entries: MealBalanceEntryDto[];
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE }) pageSize: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Ledger rows in all' }) total: number;
}

export class MealBalanceQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export class TopUpMealBalanceDto implements TopUpMealBalanceRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_TOP_UP_FEN, example: 10000, description: 'Fen paid in' })
  @IsInt()
  @Min(1)
  @Max(MAX_TOP_UP_FEN)
  amountFen: number;

  @ApiProperty({ enum: MEAL_TOP_UP_METHODS, description: 'cash 现金, transfer 转账' }) @IsIn(MEAL_TOP_UP_METHODS) method: MealTopUpMethod;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, example: '女儿代缴' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  note?: string | null;
}
