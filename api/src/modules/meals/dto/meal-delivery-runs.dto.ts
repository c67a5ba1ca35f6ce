import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import {
  MEAL_KINDS,
  MEAL_ORDER_STATUSES,
  type CommittedMealDeliveryRun,
  type MealDeliveryCommit,
  type MealDeliveryPlan,
  type MealDeliveryRunView,
  type MealDeliveryStopView,
  type MealKind,
  type MealOrderStatus,
} from '@linli/shared';

export class MealDeliveryRunsQuery {
  @ApiProperty({ example: '2026-12-02' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
  @ApiProperty({ enum: MEAL_KINDS }) @IsIn(MEAL_KINDS) mealKind: MealKind;
}

class MealDeliveryStopDto implements MealDeliveryStopView {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) sequence: number;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty() elderName: string;
  @ApiProperty({ type: 'string', nullable: true }) address: string | null;
  @ApiProperty({ enum: MEAL_ORDER_STATUSES }) status: MealOrderStatus;
  @ApiProperty({ type: [String], example: ['红烧鸡腿套餐 ×1'] }) items: string[];
}

class MealDeliveryRunDto implements MealDeliveryRunView {
  @ApiProperty({ type: 'string', nullable: true, description: 'The community; null for elders without one on file' }) areaId: string | null;
  @ApiProperty({ example: '安大社区' }) areaName: string;
  @ApiProperty({ type: [MealDeliveryStopDto] }) stops: MealDeliveryStopDto[];
  @ApiProperty({ type: 'integer', description: 'Metres from the meal point through the stops with a known position' }) knownDistanceMeters: number;
}

class CommittedMealDeliveryRunDto implements CommittedMealDeliveryRun {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) runNumber: number;
  @ApiProperty({ type: 'string', nullable: true, description: 'The community; null for elders without one on file' }) areaId: string | null;
  @ApiProperty({ example: '安大社区' }) areaName: string;
  @ApiProperty({ format: 'uuid', description: 'The dispatch order (kind meal_delivery) a worker takes the run as' }) serviceOrderId: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The stops it was given, including those handed on after it was cancelled' }) stopCount: number;
  @ApiProperty({ description: 'Its dispatch order was cancelled; the meals it had not handed over go on a later run' }) cancelled: boolean;
}

export class MealDeliveryPlanDto implements MealDeliveryPlan {
  @ApiProperty({ format: 'uuid' }) mealPointId: string;
  @ApiProperty({ example: '2026-12-02' }) mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) mealKind: MealKind;
  @ApiProperty({ description: 'Whether the cut-off has passed; before it the runs may still change' }) fixed: boolean;
  @ApiProperty({ type: [MealDeliveryRunDto], description: 'The runs the deliveries not yet committed would make' }) runs: MealDeliveryRunDto[];
  @ApiProperty({ type: [CommittedMealDeliveryRunDto], description: 'The runs already committed and handed to dispatch' }) committedRuns: CommittedMealDeliveryRunDto[];
}

export class CommitMealDeliveryRunsDto {
  @ApiProperty({ example: '2026-12-02' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
  @ApiProperty({ enum: MEAL_KINDS }) @IsIn(MEAL_KINDS) mealKind: MealKind;
}

export class MealDeliveryCommitDto implements MealDeliveryCommit {
  @ApiProperty({ format: 'uuid' }) mealPointId: string;
  @ApiProperty({ example: '2026-12-02' }) mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) mealKind: MealKind;
  @ApiProperty({ description: 'False when no delivery was waiting for a run: nothing was written' }) created: boolean;
  @ApiProperty({ type: [CommittedMealDeliveryRunDto] }) runs: CommittedMealDeliveryRunDto[];
}
