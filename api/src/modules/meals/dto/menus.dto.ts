import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import {
  DISH_KINDS,
  DISH_TAGS,
  MEAL_KINDS,
  type CloseMealDayInput,
  type CopyMenuWeekInput,
  type DishInput,
  type DishKind,
  type DishPhotoView,
  type DishTag,
  type DishView,
  type MealDayClosedResult,
  type MealKind,
  type MenuMealInput,
  type MenuMealView,
  type MenuPublishResult,
  type MenuView,
  type PublishMenuInput,
} from '@linli/shared';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DishInputDto implements DishInput {
  @ApiProperty({ example: '红烧鸡腿套餐' }) @IsString() @Length(1, 40) name: string;
  @ApiProperty({ enum: DISH_KINDS, description: 'set_meal: 套餐; single: 单品' }) @IsIn(DISH_KINDS) kind: DishKind;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100000, description: 'Menu price of one portion, fen', example: 1500 })
  @IsInt()
  @Min(0)
  @Max(100000)
  priceFen: number;

  @ApiProperty({ enum: DISH_TAGS, isArray: true }) @IsArray() @ArrayMaxSize(DISH_TAGS.length) @IsIn(DISH_TAGS, { each: true }) tags: DishTag[];

  @ApiProperty({ type: [String], example: ['花生'], description: 'Allergens in words (no commas)' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(/^[^,，]{1,20}$/, { each: true })
  allergens: string[];

  @ApiProperty({ type: String, nullable: true, example: 'https://img.example.com/dish/1.jpg' })
  @ValidateIf((_object, value) => value !== null)
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @Length(1, 500)
  photoUrl: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A photo uploaded for this meal point (POST /meal-points/:id/dish-photos); photoUrl is then ignored',
  })
  @IsOptional()
  @IsUUID()
  photoId?: string | null;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5000, description: 'Portions that day; null: unlimited (the meal’s capacity still applies)' })
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(5000)
  dailyQuantity: number | null;
}

export class MenuMealInputDto implements MenuMealInput {
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE) mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) @IsIn(MEAL_KINDS) mealKind: MealKind;
  @ApiProperty({ type: [DishInputDto] }) @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => DishInputDto) dishes: DishInputDto[];
}

export class PublishMenuDto implements PublishMenuInput {
  @ApiProperty({ type: [MenuMealInputDto] }) @IsArray() @ArrayMaxSize(31 * 3) @ValidateNested({ each: true }) @Type(() => MenuMealInputDto) meals: MenuMealInputDto[];
}

export class ChangeMealDto {
  @ApiProperty({ enum: MEAL_KINDS }) @IsIn(MEAL_KINDS) mealKind: MealKind;
  @ApiProperty({ type: [DishInputDto] }) @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => DishInputDto) dishes: DishInputDto[];
}

export class CopyMenuWeekDto implements CopyMenuWeekInput {
  @ApiProperty({ example: '2026-12-07', description: 'First day to fill; the seven days before it are copied' }) @Matches(DATE) fromDate: string;
}

export class CloseMealDayDto implements CloseMealDayInput {
  @ApiProperty({ example: '厨房设备检修，停餐一天' }) @IsString() @Length(2, 100) reason: string;
}

export class MenuQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Shanghai date; default today' }) @IsOptional() @Matches(DATE) from?: string;
  @ApiPropertyOptional({ example: '2026-12-07', description: 'Default from + 6 days; at most 31 days' }) @IsOptional() @Matches(DATE) to?: string;
}

export class DishViewDto implements DishView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) mealKind: MealKind;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DISH_KINDS }) kind: DishKind;
  @ApiProperty({ type: 'integer' }) priceFen: number;
  @ApiProperty({ enum: DISH_TAGS, isArray: true }) tags: DishTag[];
  @ApiProperty({ type: [String] }) allergens: string[];
  @ApiProperty({ type: String, nullable: true, description: 'An https URL, or the uploaded photo’s signed path under the API (/dish-photos/…)' }) photoUrl: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The uploaded photo, to send back unchanged when editing' }) photoId: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) dailyQuantity: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Portions left; null when unlimited' }) remaining: number | null;
}

export class MenuMealViewDto implements MenuMealView {
  @ApiProperty() mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) mealKind: MealKind;
  @ApiProperty({ type: String, nullable: true }) closedReason: string | null;
  @ApiProperty({ format: 'date-time' }) cutOffAt: string;
  @ApiProperty() orderable: boolean;
  @ApiProperty({ type: 'integer' }) capacityLeft: number;
  @ApiProperty({ type: [DishViewDto] }) dishes: DishViewDto[];
}

export class MenuViewDto implements MenuView {
  @ApiProperty({ format: 'uuid' }) mealPointId: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [MenuMealViewDto] }) meals: MenuMealViewDto[];
}

class MealRefDto {
  @ApiProperty() mealDate: string;
  @ApiProperty({ enum: MEAL_KINDS }) mealKind: MealKind;
}

export class MenuPublishResultDto implements MenuPublishResult {
  @ApiProperty({ type: [MealRefDto] }) published: MealRefDto[];
  @ApiProperty({ type: [MealRefDto], description: 'Left as they were: orders were already placed for them' }) skipped: MealRefDto[];
}

export class MealDayClosedResultDto implements MealDayClosedResult {
  @ApiProperty() mealDate: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: 'integer' }) cancelledOrders: number;
}

export class DishPhotoDto implements DishPhotoView {
  @ApiProperty({ format: 'uuid', description: 'Give it to a dish as photoId' }) id: string;
  @ApiProperty({ example: '/dish-photos/…', description: 'Signed path under the API, valid for an hour or more' }) path: string;
}
