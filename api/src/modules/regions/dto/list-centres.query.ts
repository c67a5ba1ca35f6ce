import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListCentresQuery {
  @ApiPropertyOptional({ description: 'Only centres in this region and everything under it', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}
