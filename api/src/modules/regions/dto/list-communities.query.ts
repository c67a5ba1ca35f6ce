import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, MaxLength } from 'class-validator';
import { IsSearchText } from '../../../common/http/validation';

export class ListCommunitiesQuery {
  @ApiPropertyOptional({ description: 'Part of the community name, e.g. 安大', maxLength: 32 })
  @IsOptional()
  @IsSearchText()
  @MaxLength(32)
  keyword?: string;
}
