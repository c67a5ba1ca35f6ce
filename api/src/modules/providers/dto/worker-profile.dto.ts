import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { DISPATCH_MODES, type DispatchMode, type IsoWeekday, type WorkerProfileView, type WorkingDay } from '@linli/shared';
import { RefDto } from '../../../common/http/ref.dto';
import { TimeRangeDto } from '../../../common/http/time-range.dto';

/*
 * A worker's dispatch profile (skills, areas, working hours, capacity) and a provider's dispatch mode: set by the
 * provider's administrator, read by the dispatcher through ProvidersModule.
 */

// ─── requests ───────────────────────────────────────────────────────────────────────────────────────────────

export class WorkingDayDto implements WorkingDay {
  // The type is spelled out: IsoWeekday is a union of number literals, which not every compiler reflects as Number.
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' }) @IsInt() @Min(1) @Max(7) weekday: IsoWeekday;

  @ApiProperty({ type: [TimeRangeDto] })
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  ranges: TimeRangeDto[];
}

export class DispatchProfileDto {
  @ApiProperty({ type: [String], description: 'Home-mode services the worker can do' })
  @IsArray()
  @ArrayMaxSize(22)
  @IsUUID('all', { each: true })
  skillServiceIds: string[];

  @ApiProperty({ type: [String], description: 'Communities (region ids) the worker serves' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  areaRegionIds: string[];

  @ApiProperty({ type: [WorkingDayDto] })
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WorkingDayDto)
  workingHours: WorkingDayDto[];

  @ApiProperty({ minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) maxOpenOrders: number;
}

export class DispatchModeDto {
  @ApiProperty({ enum: DISPATCH_MODES }) @IsIn(DISPATCH_MODES) mode: DispatchMode;
}

// ─── responses ──────────────────────────────────────────────────────────────────────────────────────────────

export class WorkingDayViewDto implements WorkingDay {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7 }) weekday: IsoWeekday;
  @ApiProperty({ type: [TimeRangeDto] }) ranges: TimeRangeDto[];
}

export class WorkerProfileDto implements WorkerProfileView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() providerName: string;
  @ApiProperty() online: boolean;
  @ApiProperty({ type: [RefDto] }) skills: RefDto[];
  @ApiProperty({ type: [RefDto] }) areas: RefDto[];
  @ApiProperty({ type: [WorkingDayViewDto] }) workingHours: WorkingDayViewDto[];
  @ApiProperty() maxOpenOrders: number;
  @ApiProperty() openOrders: number;
  @ApiProperty() ratingCount: number;
  @ApiProperty({ nullable: true, type: Number }) averageRating: number | null;
}
