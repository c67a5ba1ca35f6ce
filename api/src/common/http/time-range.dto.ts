import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { TimeRange } from '@linli/shared';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Opening hours and working hours alike: a start and an end on the Shanghai clock, HH:mm. */
export class TimeRangeDto implements TimeRange {
  @ApiProperty({ example: '08:30' }) @Matches(HH_MM) start: string;
  @ApiProperty({ example: '12:00' }) @Matches(HH_MM) end: string;
}
