import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  DISH_TAGS,
  MEAL_FULFILMENTS,
  MEAL_KINDS,
  MEAL_ORDER_EVENTS,
  MEAL_ORDER_STATUSES,
  MEAL_PAYMENT_METHODS,
  MEAL_SUBSIDY_WITHHELD_REASONS,
  type AppliedMealSubsidy,
  type CancelMealOrderInput,
  type ChangeMealOrderInput,
  type CollectMealInput,
  type CreateMealOrderInput,
  type DishTag,
  type KitchenCounts,
  type MealFulfilment,
  type MealKind,
  type MealOrderEvent,
  type MealOrderLineInput,
  type MealOrderLineView,
  type MealOrderStatus,
  type MealOrderView,
  type MealPaymentMethod,
  type MealPickupCode,
  type MealPrice,
  type MealQuoteInput,
  type MealSubsidyWithheldReason,
  type StoredMealPrice,
  type WithheldMealSubsidy,
} from '@linli/shared';
import { PositionCoordinate } from '../../../common/http/geo-position';
import { IsSearchText } from '../../../common/http/validation';
import { WechatRefundProgressDto } from '../../payments';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class MealOrderLineInputDto implements MealOrderLineInput {
  @ApiProperty({ format: 'uuid', description: 'A dish on this meal’s menu' }) @IsUUID() dishId: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) quantity: number;
}

export class MealQuoteDto implements MealQuoteInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() mealPointId: string;
  @ApiProperty({ format: 'uuid', description: 'The elder the meal is for: me, a household member, or (staff) an elder of my region' }) @IsUUID() residentId: string;
  @ApiProperty({ example: '2026-12-02' }) @Matches(DATE) mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) @IsIn(MEAL_KINDS) mealKind: MealKind;
  @ApiProperty({ enum: MEAL_FULFILMENTS }) @IsIn(MEAL_FULFILMENTS) fulfilment: MealFulfilment;

  @ApiProperty({ type: [MealOrderLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => MealOrderLineInputDto)
  lines: MealOrderLineInputDto[];

  @PositionCoordinate('latitude', { optional: true, description: '送餐 only: GCJ-02 of the door, with longitude, or neither' }) latitude?: number;
  @PositionCoordinate('longitude', { optional: true, description: '送餐 only: GCJ-02 of the door, with latitude, or neither' }) longitude?: number;
}

export class CreateMealOrderDto extends MealQuoteDto implements CreateMealOrderInput {
  @ApiProperty({ enum: MEAL_PAYMENT_METHODS, description: 'at_pickup: 到店付; balance: the elder’s prepaid meal balance, debited now' })
  @IsIn(MEAL_PAYMENT_METHODS)
  paymentMethod: MealPaymentMethod;

  @ApiPropertyOptional({ maxLength: 100, example: '敲门大声，老人耳背', description: 'For the delivery worker at the door; kept for delivery orders only' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  deliveryNote?: string;
}

export class ChangeMealOrderDto implements ChangeMealOrderInput {
  @ApiProperty({ type: [MealOrderLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => MealOrderLineInputDto)
  lines: MealOrderLineInputDto[];
}

export class CancelMealOrderDto implements CancelMealOrderInput {
  @ApiPropertyOptional({ example: '老人临时住院', description: 'Required from the canteen and staff; the resident sees it' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  reason?: string;
}

export class CollectMealDto implements CollectMealInput {
  @ApiProperty({ format: 'uuid', description: 'The meal point whose counter hands the meal over' }) @IsUUID() mealPointId: string;
  @ApiProperty({ example: '482915', description: 'The six digits read out (a code of this point today) or the signed code from the QR' })
  @IsString()
  @Length(6, 120)
  code: string;
}

export class StaffMealOrdersQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() mealPointId: string;
  @ApiPropertyOptional({ example: '2026-12-02', description: 'Shanghai date; default today' }) @IsOptional() @Matches(DATE) date?: string;
  @ApiPropertyOptional({ enum: MEAL_KINDS }) @IsOptional() @IsIn(MEAL_KINDS) mealKind?: MealKind;
  @ApiPropertyOptional({ description: 'Part of the elder’s name' }) @IsOptional() @IsSearchText() @Length(1, 32) name?: string;
  @ApiPropertyOptional({ description: 'Last 4 digits of the phone on file', example: '0002' }) @IsOptional() @Matches(/^\d{4}$/) phoneTail?: string;
}

export class KitchenCountsQuery {
  @ApiProperty({ example: '2026-12-02' }) @Matches(DATE) date: string;
  @ApiProperty({ enum: MEAL_KINDS }) @IsIn(MEAL_KINDS) mealKind: MealKind;
}

export class AppliedMealSubsidyDto implements AppliedMealSubsidy {
  @ApiProperty() ruleId: string;
  @ApiProperty() capGroupId: string;
  @ApiProperty({ type: 'integer' }) mealFen: number;
  @ApiProperty({ type: 'integer' }) deliveryFen: number;
  @ApiProperty({ example: '蜀山区80岁以上老人助餐补贴：每餐补贴8.00元' }) explanation: string;
}

export class WithheldMealSubsidyDto implements WithheldMealSubsidy {
  @ApiProperty() ruleId: string;
  @ApiProperty({ enum: MEAL_SUBSIDY_WITHHELD_REASONS }) reason: MealSubsidyWithheldReason;
  @ApiProperty() explanation: string;
}

export class StoredMealPriceDto implements StoredMealPrice {
  @ApiProperty({ type: 'integer', description: 'Sum of the lines, fen' }) gross: number;
  @ApiProperty({ type: 'integer' }) subsidy: number;
  @ApiProperty({ type: 'integer', description: 'gross − subsidy' }) payable: number;
  @ApiProperty({ type: 'integer' }) deliveryFeeGross: number;
  @ApiProperty({ type: 'integer' }) deliverySubsidy: number;
  @ApiProperty({ type: 'integer', description: 'What the elder pays for delivery' }) deliveryFee: number;
  @ApiProperty({ type: 'integer', description: 'What the elder pays in all: payable + deliveryFee' }) total: number;
  @ApiProperty({ type: [String] }) appliedRuleIds: string[];
  @ApiProperty({ type: [AppliedMealSubsidyDto] }) applied: AppliedMealSubsidyDto[];
  @ApiProperty({ type: [String], description: 'Receipt lines' }) explanation: string[];
}

export class MealPriceDto extends StoredMealPriceDto implements MealPrice {
  @ApiProperty({ type: [WithheldMealSubsidyDto], description: 'Rules the elder qualifies for that give nothing to this meal (a cap reached)' })
  withheld: WithheldMealSubsidyDto[];
}

class MealOrderLineViewDto implements MealOrderLineView {
  @ApiProperty({ format: 'uuid' }) dishId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) unitPriceFen: number;
  @ApiProperty({ type: 'integer' }) quantity: number;
  @ApiProperty({ enum: DISH_TAGS, isArray: true }) tags: DishTag[];
}

class MealPointRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
}

class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class MealOrderViewDto implements MealOrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MEAL_ORDER_STATUSES }) status: MealOrderStatus;
  @ApiProperty({ type: MealPointRefDto }) mealPoint: MealPointRefDto;
  @ApiProperty({ type: PersonRefDto }) resident: PersonRefDto;
  @ApiProperty() mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) mealKind: MealKind;
  @ApiProperty({ enum: MEAL_FULFILMENTS }) fulfilment: MealFulfilment;
  @ApiProperty({ enum: MEAL_PAYMENT_METHODS }) paymentMethod: MealPaymentMethod;
  @ApiProperty({ type: [MealOrderLineViewDto] }) lines: MealOrderLineViewDto[];
  @ApiProperty({ type: StoredMealPriceDto, description: 'As stored when placed or last changed; a later rule change never moves it' }) price: StoredMealPriceDto;
  @ApiProperty({ format: 'date-time' }) cutOffAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why the canteen, staff or a closed day cancelled it' }) cancelReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) collectedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ enum: MEAL_ORDER_EVENTS, isArray: true, description: 'What the caller may do now' }) actions: MealOrderEvent[];
  @ApiPropertyOptional({
    type: WechatRefundProgressDto,
    description: 'WeChat Pay orders with a refund only: a cancelled order is refunded once every refund reached the payer',
  })
  refunds?: WechatRefundProgressDto;
}

export class MealOrderListDto {
  @ApiProperty({ type: [MealOrderViewDto] }) items: MealOrderViewDto[];
}

export class MealPickupCodeDto implements MealPickupCode {
  @ApiProperty({ description: 'Signed and expiring (minutes): what the QR carries' }) code: string;
  @ApiProperty({ pattern: '^[1-9][0-9]{5}$', example: '482915', description: 'Six digits to read out; unique among the meal point’s orders that day' }) shortCode: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

class DishCountDto {
  @ApiProperty({ format: 'uuid' }) dishId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) portions: number;
}

class TagCountDto {
  @ApiProperty({ enum: DISH_TAGS }) tag: DishTag;
  @ApiProperty({ type: 'integer' }) portions: number;
}

export class KitchenCountsDto implements KitchenCounts {
  @ApiProperty({ format: 'uuid' }) mealPointId: string;
  @ApiProperty() mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) mealKind: MealKind;
  @ApiProperty({ type: 'integer' }) orders: number;
  @ApiProperty({ type: [DishCountDto] }) dishes: DishCountDto[];
  @ApiProperty({ type: [TagCountDto] }) tags: TagCountDto[];
}
