import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MEAL_FULFILMENTS, MEAL_KINDS, type MealFulfilment, type MealKind, type MealPointInput, type MealPointListItem, type MealPointView, type MealWindow } from '@linli/shared';
import { PositionCoordinate } from '../../../common/http/geo-position';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class MealWindowDto implements MealWindow {
  @ApiProperty({ enum: MEAL_KINDS }) @IsIn(MEAL_KINDS) mealKind: MealKind;
  @ApiProperty({ example: '11:00' }) @Matches(HH_MM) servesFrom: string;
  @ApiProperty({ example: '12:30' }) @Matches(HH_MM) servesUntil: string;
  @ApiProperty({ example: '09:30', description: 'Ordering closes at this Shanghai time on the meal date, or cutOffDaysBefore days earlier' })
  @Matches(HH_MM)
  cutOffTime: string;

  @ApiProperty({ type: 'integer', enum: [0, 1], description: '0: the same day; 1: the day before' })
  @IsInt()
  @IsIn([0, 1])
  cutOffDaysBefore: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5000, description: 'Meals (orders) taken per date' })
  @IsInt()
  @Min(1)
  @Max(5000)
  capacity: number;
}

export class MealPointInputDto implements MealPointInput {
  @ApiProperty({ example: '安大社区助餐点' }) @IsString() @Length(2, 80) name: string;
  @ApiProperty({ example: '蜀山区肥西路 3 号安大社区服务中心一楼' }) @IsString() @Length(2, 200) address: string;
  @PositionCoordinate('latitude') latitude: number;
  @PositionCoordinate('longitude') longitude: number;
  @ApiProperty({ example: '0551-65101088' }) @Matches(/^[0-9+\-\s]{5,32}$/) phone: string;
  @ApiProperty({ format: 'uuid', description: 'The street or community the point is in (inside the canteen’s region)' }) @IsUUID() regionId: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Communities whose residents it serves' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsUUID(undefined, { each: true })
  communityIds: string[];

  @ApiProperty({ type: [MealWindowDto], description: 'One per meal kind served' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEAL_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => MealWindowDto)
  windows: MealWindowDto[];

  @ApiProperty({ enum: MEAL_FULFILMENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEAL_FULFILMENTS.length)
  @IsIn(MEAL_FULFILMENTS, { each: true })
  fulfilments: MealFulfilment[];

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 20000, description: 'Metres; 0 when it does not deliver' })
  @IsInt()
  @Min(0)
  @Max(20000)
  deliveryRadiusMeters: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10000, description: 'Delivery fee per order, fen' })
  @IsInt()
  @Min(0)
  @Max(10000)
  deliveryFeeFen: number;
}

export class CreateMealPointDto extends MealPointInputDto {
  @ApiProperty({ format: 'uuid', description: 'The canteen provider running the point (a provider_admin: their own)' }) @IsUUID() providerId: string;
}

export class MealPointsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Points serving this community first (default: my own community)' })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @Type(() => Number)
  @PositionCoordinate('latitude', { optional: true, description: 'GCJ-02 latitude: nearest first' })
  latitude?: number;

  @Type(() => Number)
  @PositionCoordinate('longitude', { optional: true, description: 'GCJ-02 longitude: nearest first' })
  longitude?: number;
}

class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class MealPointViewDto implements MealPointView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() providerName: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ description: 'GCJ-02' }) latitude: number;
  @ApiProperty({ description: 'GCJ-02' }) longitude: number;
  @ApiProperty() phone: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ format: 'uuid', description: 'Whose subsidy rules price its meals' }) districtId: string;
  @ApiProperty({ type: [NamedRefDto] }) communities: NamedRefDto[];
  @ApiProperty({ type: [MealWindowDto] }) windows: MealWindowDto[];
  @ApiProperty({ enum: MEAL_FULFILMENTS, isArray: true }) fulfilments: MealFulfilment[];
  @ApiProperty({ type: 'integer' }) deliveryRadiusMeters: number;
  @ApiProperty({ type: 'integer' }) deliveryFeeFen: number;
}

export class MealPointListItemDto extends MealPointViewDto implements MealPointListItem {
  @ApiProperty({ description: 'Serves the community asked about (or mine)' }) servesMyCommunity: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Metres from the position given' }) meters: number | null;
}

export class MealPointListDto {
  @ApiProperty({ type: [MealPointListItemDto] }) items: MealPointListItemDto[];
}

export class ManagedMealPointListDto {
  @ApiProperty({ type: [MealPointViewDto] }) items: MealPointViewDto[];
}
