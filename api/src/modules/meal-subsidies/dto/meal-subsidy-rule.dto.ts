import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, ValidateIf, ValidateNested } from 'class-validator';
import {
  DISH_TAGS,
  HARDSHIP_CATEGORIES,
  MEAL_KINDS,
  MEAL_SUBSIDY_RESIDENCIES,
  type DishTag,
  type HardshipCategory,
  type MealDistrictView,
  type MealKind,
  type MealSubsidyResidency,
  type MealSubsidyRuleView,
} from '@linli/shared';
import { ApiModelOrNull } from '../../../common/http/api-nullable';
import { IsCalendarDate } from './calendar-date';

/*
 * The rule's parts as JSON the admin's form sends. Shapes that depend on a `kind` (fixed or percent amount, free or
 * fixed delivery) take every field here; the service keeps only the fields of the kind given and refuses the others,
 * and validateMealSubsidyRule (shared) judges the values, so the API and the admin form refuse the same rules.
 */

const nullOr = (_: object, value: unknown) => value !== null;

export class AgeBandDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 150, example: 70 }) @IsInt() min: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 150, nullable: true, example: 79, description: 'null: no upper bound (80+)' })
  @ValidateIf(nullOr)
  @IsInt()
  max: number | null;
}

export class MealSubsidyEligibilityDto {
  @ApiModelOrNull(AgeBandDto, { description: 'Age on the meal date, both ends included' })
  @ValidateIf(nullOr)
  @IsObject()
  @ValidateNested()
  @Type(() => AgeBandDto)
  age: AgeBandDto | null;

  @ApiProperty({ enum: HARDSHIP_CATEGORIES, isArray: true, nullable: true, description: 'Any one of these qualifies; null when none is needed' })
  @ValidateIf(nullOr)
  @IsArray()
  @ArrayMaxSize(HARDSHIP_CATEGORIES.length)
  @IsIn(HARDSHIP_CATEGORIES, { each: true })
  hardshipsAny: HardshipCategory[] | null;

  @ApiProperty({ enum: MEAL_SUBSIDY_RESIDENCIES, description: 'registered: 户籍 in the district only; registered_or_resident: those living there too' })
  @IsIn(MEAL_SUBSIDY_RESIDENCIES)
  residency: MealSubsidyResidency;
}

export class MealSubsidyAmountDto {
  @ApiProperty({ enum: ['fixed', 'percent'] }) @IsIn(['fixed', 'percent']) kind: 'fixed' | 'percent';
  @ApiPropertyOptional({ type: 'integer', example: 400, description: 'kind fixed: fen per meal' }) @IsOptional() @IsInt() fen?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, description: 'kind percent: whole percent of the gross' }) @IsOptional() @IsInt() percent?: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'kind percent: ceiling per meal in fen, or null' })
  @IsOptional()
  @IsInt()
  maxFen?: number | null;
}

export class SpecialDietExtraDto {
  @ApiProperty({ type: 'integer', example: 200 }) @IsInt() fen: number;
  @ApiProperty({ enum: DISH_TAGS, isArray: true }) @IsArray() @ArrayMaxSize(DISH_TAGS.length) @IsIn(DISH_TAGS, { each: true }) tags: DishTag[];
}

export class MealDeliverySubsidyDto {
  @ApiProperty({ enum: ['free', 'fixed'] }) @IsIn(['free', 'fixed']) kind: 'free' | 'fixed';
  @ApiPropertyOptional({ type: 'integer', description: 'kind fixed: up to this many fen of the fee' }) @IsOptional() @IsInt() fen?: number;
}

export class MealSubsidyCapsDto {
  @ApiProperty({ type: 'integer', nullable: true, example: 1, description: 'Subsidised meals of one kind a day' })
  @ValidateIf(nullOr)
  @IsInt()
  mealsPerDayPerKind: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 60 }) @ValidateIf(nullOr) @IsInt() mealsPerMonth: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 30000, description: 'Subsidy fen a month' }) @ValidateIf(nullOr) @IsInt() fenPerMonth: number | null;
}

/** PublishMealSubsidyVersionRequest as sent: the `kind` shapes are loose here and made exact by the service. */
export class MealSubsidyRuleInputDto {
  @ApiProperty({ example: '蜀山区70-79岁老人助餐补贴', maxLength: 64 }) @IsString() @Length(1, 64) name: string;
  @ApiProperty({ example: '2026-12-01', description: 'First meal date it prices: today or later (Shanghai)' }) @IsCalendarDate() effectiveFrom: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Last meal date it prices; null while open-ended' })
  @ValidateIf(nullOr)
  @IsCalendarDate()
  effectiveTo: string | null;

  @ApiProperty({ enum: MEAL_KINDS, isArray: true, example: ['lunch', 'dinner'] })
  @IsArray()
  @ArrayMaxSize(MEAL_KINDS.length)
  @IsIn(MEAL_KINDS, { each: true })
  mealKinds: MealKind[];

  @ApiProperty({ type: MealSubsidyEligibilityDto }) @IsObject() @ValidateNested() @Type(() => MealSubsidyEligibilityDto) eligibility: MealSubsidyEligibilityDto;

  @ApiModelOrNull(MealSubsidyAmountDto, { description: 'null for a delivery-only rule' })
  @ValidateIf(nullOr)
  @IsObject()
  @ValidateNested()
  @Type(() => MealSubsidyAmountDto)
  amount: MealSubsidyAmountDto | null;

  @ApiModelOrNull(SpecialDietExtraDto, { description: 'Added once per meal when a line carries one of the tags' })
  @ValidateIf(nullOr)
  @IsObject()
  @ValidateNested()
  @Type(() => SpecialDietExtraDto)
  specialDietExtra: SpecialDietExtraDto | null;

  @ApiModelOrNull(MealDeliverySubsidyDto)
  @ValidateIf(nullOr)
  @IsObject()
  @ValidateNested()
  @Type(() => MealDeliverySubsidyDto)
  delivery: MealDeliverySubsidyDto | null;

  @ApiProperty({ type: MealSubsidyCapsDto }) @IsObject() @ValidateNested() @Type(() => MealSubsidyCapsDto) caps: MealSubsidyCapsDto;

  @ApiProperty({ description: 'false: competes, the best rule wins; true: adds on top' }) @IsBoolean() stacks: boolean;
}

/** CreateMealSubsidySchemeRequest as sent. */
export class CreateMealSubsidySchemeDto extends MealSubsidyRuleInputDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Share caps with this scheme of the same district (one subsidised lunch a day whatever the tier)',
  })
  @IsOptional()
  @IsUUID()
  shareCapsWithSchemeId?: string | null;
}

export class MealSubsidyRuleDto implements MealSubsidyRuleView {
  @ApiProperty({ format: 'uuid', description: 'This version’s id, stored on every order it priced' }) id: string;
  @ApiProperty({ format: 'uuid' }) schemeId: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2026-12-01' }) effectiveFrom: string;
  @ApiProperty({ type: String, nullable: true }) effectiveTo: string | null;
  @ApiProperty({ enum: MEAL_KINDS, isArray: true }) mealKinds: MealKind[];
  @ApiProperty({ type: MealSubsidyEligibilityDto }) eligibility: MealSubsidyEligibilityDto;
  @ApiModelOrNull(MealSubsidyAmountDto) amount: MealSubsidyRuleView['amount'];
  @ApiModelOrNull(SpecialDietExtraDto) specialDietExtra: SpecialDietExtraDto | null;
  @ApiModelOrNull(MealDeliverySubsidyDto) delivery: MealSubsidyRuleView['delivery'];
  @ApiProperty({ type: MealSubsidyCapsDto }) caps: MealSubsidyCapsDto;
  @ApiProperty({ format: 'uuid', description: 'Rules sharing caps count usage together' }) capGroupId: string;
  @ApiProperty() stacks: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Withdrawn before it came into force: prices nothing' }) withdrawnAt: string | null;
}

export class MealSubsidyRuleListDto {
  @ApiProperty({ type: [MealSubsidyRuleDto], description: 'Every version of every scheme, withdrawn ones too, by start date' }) items: MealSubsidyRuleDto[];
}

class MealDistrictDto implements MealDistrictView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '蜀山区' }) name: string;
  @ApiProperty({ description: 'I work in, above or below it: I may read its subsidy rules' }) rulesReadable: boolean;
  @ApiProperty({ description: 'I am an admin over it: I may write its subsidy rules' }) rulesEditable: boolean;
}

export class MealDistrictListDto {
  @ApiProperty({ type: [MealDistrictDto], description: 'Every district of my city, by division code' }) items: MealDistrictDto[];
}
