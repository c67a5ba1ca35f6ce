import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PositionCoordinate } from '../../../common/http/geo-position';

export class ListCentresQuery {
  @ApiPropertyOptional({ description: 'Only centres in this region and everything under it', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class NearbyCentresQuery {
  @Type(() => Number)
  @PositionCoordinate('latitude')
  latitude: number;

  @Type(() => Number)
  @PositionCoordinate('longitude')
  longitude: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit?: number;
}
