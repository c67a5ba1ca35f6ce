import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ListCommunitiesQuery {
  @ApiPropertyOptional({ description: 'Part of the community name, e.g. 安大', maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  keyword?: string;
}
