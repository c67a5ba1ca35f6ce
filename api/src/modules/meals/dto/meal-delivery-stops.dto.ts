import { ApiProperty } from '@nestjs/swagger';
import { ApiModelOrNull } from '../../../common/http/api-nullable';
import {
  MEAL_KINDS,
  MEAL_ORDER_STATUSES,
  ORDER_STATUSES,
  type MealDeliveryStopAction,
  type MealKind,
  type MealOrderStatus,
  type OrderStatus,
  type WorkerMealRunView,
  type WorkerMealStopView,
} from '@linli/shared';

class StopLocationDto {
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
}

class WorkerMealStopDto implements WorkerMealStopView {
  @ApiProperty({ format: 'uuid' }) mealOrderId: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) sequence: number;
  @ApiProperty() elderName: string;
  @ApiProperty({ type: 'string', nullable: true }) address: string | null;
  @ApiModelOrNull(StopLocationDto, { description: 'Where the door is (GCJ-02), when ordered with a point on the map' }) location: StopLocationDto | null;
  @ApiProperty({ type: 'string', nullable: true, example: '敲门大声，老人耳背' }) deliveryNote: string | null;
  @ApiProperty({ enum: MEAL_ORDER_STATUSES }) status: MealOrderStatus;
  @ApiProperty({ example: '送餐中' }) statusLabel: string;
  @ApiProperty({ type: [String], example: ['红烧鸡腿套餐 ×1'] }) items: string[];
  @ApiProperty({ enum: ['deliver', 'report_not_at_home'], isArray: true, description: 'What the worker may tap now' }) actions: MealDeliveryStopAction[];
}

export class WorkerMealRunDto implements WorkerMealRunView {
  @ApiProperty({ format: 'uuid', description: 'The dispatch order of the run' }) orderId: string;
  @ApiProperty({ enum: ORDER_STATUSES }) orderStatus: OrderStatus;
  @ApiProperty() mealPointName: string;
  @ApiProperty({ description: 'Where the run starts (the meal point)' }) address: string;
  @ApiProperty({ example: '2026-12-02' }) mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) mealKind: MealKind;
  @ApiProperty({ example: '安大社区' }) areaName: string;
  @ApiProperty({ format: 'date-time' }) windowStartsAt: string;
  @ApiProperty({ format: 'date-time' }) windowEndsAt: string;
  @ApiProperty({ type: [WorkerMealStopDto] }) stops: WorkerMealStopDto[];
}

export class WorkerMealRunListDto {
  @ApiProperty({ type: [WorkerMealRunDto] }) items: WorkerMealRunDto[];
}
