import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PositionCoordinate } from '../../../common/http/geo-position';
import { REGION_LEVELS, type RegionLevel, type RegionSummary } from '@linli/shared';

export class CreateRegionDto {
  @ApiProperty({ example: '340104001003', description: 'Administrative division code, unique' })
  @Matches(/^[0-9A-Za-z-]{2,32}$/)
  code: string;

  @ApiProperty({ example: '新建社区' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({ enum: REGION_LEVELS.filter((level) => level !== 'city') })
  @IsIn(REGION_LEVELS.filter((level) => level !== 'city'))
  level: RegionLevel;

  @ApiProperty({ format: 'uuid', description: 'Parent region, one level up, within your scope' })
  @IsUUID()
  parentId: string;
}

export class RenameRegionDto {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  name: string;
}

export class CentreFieldsDto {
  @ApiProperty({ example: '安大社区市民中心' })
  @IsString()
  @Length(2, 80)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'The street or community the centre belongs to' })
  @IsUUID()
  regionId: string;

  @ApiProperty()
  @IsString()
  @Length(2, 200)
  address: string;

  @ApiProperty({ example: '0551-65101011' })
  @Matches(/^[0-9+\-\s]{5,32}$/)
  phone: string;

  @ApiProperty({ example: '周一至周五 8:30-17:30' })
  @IsString()
  @Length(2, 100)
  openingHours: string;

  @PositionCoordinate('latitude')
  latitude: number;

  @PositionCoordinate('longitude')
  longitude: number;
}

export class CreateCentreDto extends CentreFieldsDto {
  @ApiProperty({ example: 'C340104001003' })
  @Matches(/^[0-9A-Za-z-]{2,32}$/)
  code: string;
}

export class RegionSummaryDto implements RegionSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGION_LEVELS }) level: RegionLevel;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
}

export class RegionListDto {
  @ApiProperty({ type: [RegionSummaryDto] }) items: RegionSummaryDto[];
}
