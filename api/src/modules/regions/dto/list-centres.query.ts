import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsLatitude, IsLongitude, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ListCentresQuery {
  @ApiPropertyOptional({ description: 'Only centres in this region and everything under it', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class NearbyCentresQuery {
  @ApiProperty({ description: 'GCJ-02 latitude', example: 31.845 })
  @Type(() => Number)
  @IsLatitude()
  latitude: number;

  @ApiProperty({ description: 'GCJ-02 longitude', example: 117.26 })
  @Type(() => Number)
  @IsLongitude()
  longitude: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit?: number;
}
