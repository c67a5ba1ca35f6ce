import { ApiProperty } from '@nestjs/swagger';
import { REGION_LEVELS, type CentreSummary, type CommunitySummary, type ListResponse, type NearbyCentre, type RegionLevel } from '@linli/shared';

export class CommunitySummaryDto implements CommunitySummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '安大社区' }) name: string;
  @ApiProperty({ example: '三里庵街道' }) streetName: string;
  @ApiProperty({ example: '蜀山区' }) districtName: string;
  @ApiProperty() centreCount: number;
}

export class CommunityListDto implements ListResponse<CommunitySummary> {
  @ApiProperty({ type: [CommunitySummaryDto] }) items: CommunitySummaryDto[];
}

export class CentreSummaryDto implements CentreSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() phone: string;
  @ApiProperty({ example: '周一至周六 8:30-17:30' }) openingHours: string;
  @ApiProperty({ description: 'GCJ-02 latitude' }) latitude: number;
  @ApiProperty({ description: 'GCJ-02 longitude' }) longitude: number;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ enum: REGION_LEVELS }) regionLevel: RegionLevel;
}

export class CentreListDto implements ListResponse<CentreSummary> {
  @ApiProperty({ type: [CentreSummaryDto] }) items: CentreSummaryDto[];
}

export class NearbyCentreDto extends CentreSummaryDto implements NearbyCentre {
  @ApiProperty({ description: 'Straight-line distance in metres' }) distanceMeters: number;
}

export class NearbyCentreListDto implements ListResponse<NearbyCentre> {
  @ApiProperty({ type: [NearbyCentreDto] }) items: NearbyCentreDto[];
}
