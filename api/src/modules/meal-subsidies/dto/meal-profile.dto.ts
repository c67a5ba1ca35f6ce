import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import {
  HARDSHIP_CATEGORIES,
  type AddHardshipRequest,
  type ElderMealProfileView,
  type EndHardshipRequest,
  type HardshipCategory,
  type HardshipRecordView,
  type UpdateMealProfileRequest,
} from '@linli/shared';
import { IsCalendarDate } from './calendar-date';

const NOTE_MAX = 200;

export class HardshipRecordDto implements HardshipRecordView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: HARDSHIP_CATEGORIES, description: '低保, 特困, 失能/半失能, 独居/空巢, 高龄, 重点优抚' }) category: HardshipCategory;
  @ApiProperty({ example: '2026-01-01', description: 'First day it counts' }) validFrom: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Last day it counts; null while open-ended' }) validTo: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Staff note (stored encrypted)' }) note: string | null;
  @ApiProperty({ format: 'uuid', description: 'The staff account that entered and verified it' }) verifiedByAccountId: string;
  @ApiProperty({ format: 'date-time' }) verifiedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When staff ended it' }) endedAt: string | null;
}

export class ElderMealProfileDto implements ElderMealProfileView {
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ type: String, nullable: true, example: '1950-03-12', description: 'From the verified ID number' }) birthDate: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'District of the household registration (户籍)' }) registeredDistrictId: string | null;
  @ApiProperty({ type: String, nullable: true }) registeredDistrictName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'District above the elder’s community' }) residenceDistrictId: string | null;
  @ApiProperty({ type: String, nullable: true }) residenceDistrictName: string | null;
  @ApiProperty({ type: [HardshipRecordDto], description: 'Every record, the latest start first, ended ones included' }) hardships: HardshipRecordDto[];
}

export class UpdateMealProfileDto implements UpdateMealProfileRequest {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'A district (户籍), or null when unknown' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  registeredDistrictId: string | null;
}

export class AddHardshipDto implements AddHardshipRequest {
  @ApiProperty({ enum: HARDSHIP_CATEGORIES }) @IsIn(HARDSHIP_CATEGORIES) category: HardshipCategory;
  @ApiProperty({ example: '2026-01-01' }) @IsCalendarDate() validFrom: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-31', description: 'Last day it counts; omit or null while open-ended' })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE_MAX, description: 'e.g. the 低保证 number; stored encrypted' })
  @IsOptional()
  @IsString()
  @Length(1, NOTE_MAX)
  note?: string | null;
}

export class EndHardshipDto implements EndHardshipRequest {
  @ApiProperty({ example: '2026-06-30', description: 'Last day it counts' }) @IsCalendarDate() validTo: string;
}
