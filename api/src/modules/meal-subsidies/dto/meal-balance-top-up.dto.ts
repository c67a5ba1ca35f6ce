import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import {
  MAX_ONLINE_TOP_UP_FEN,
  MEAL_BALANCE_TOP_UP_STATUSES,
  type CreatedMealBalanceTopUpView,
  type CreateMealBalanceTopUpRequest,
  type MealBalanceTopUpStatus,
  type MealBalanceTopUpView,
} from '@linli/shared';
import { WechatPayRequestDto } from '../../payments';

export class CreateMealBalanceTopUpDto implements CreateMealBalanceTopUpRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_ONLINE_TOP_UP_FEN, example: 10000, description: 'Fen to pay in with WeChat Pay' })
  @IsInt()
  @Min(1)
  @Max(MAX_ONLINE_TOP_UP_FEN)
  amountFen: number;
}

export class MealBalanceTopUpDto implements MealBalanceTopUpView {
  @ApiProperty({ format: 'uuid', description: 'Also the id of the ledger row it becomes once paid' }) id: string;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ type: 'integer', minimum: 1, example: 10000 }) amountFen: number;
  @ApiProperty({ enum: MEAL_BALANCE_TOP_UP_STATUSES, description: 'awaiting_payment 待支付, credited 已到账' }) status: MealBalanceTopUpStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) creditedAt: string | null;
}

/** The answer to creating a top-up: the top-up and the signed wx.requestPayment parameters. */
export class CreatedMealBalanceTopUpDto extends MealBalanceTopUpDto implements CreatedMealBalanceTopUpView {
  @ApiPropertyOptional({ type: WechatPayRequestDto, description: 'Absent when WeChat Pay did not answer (GET /meal-balance-top-ups/{topUpId}/wechat-pay)' })
  wechatPay?: WechatPayRequestDto;
}
