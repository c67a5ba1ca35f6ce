import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import type { AccountPreferences, ElderModeChoice } from '@linli/shared';
import { ELDER_MODE_VALUES } from '../account-preference.entity';

/** The whole set, as read and as written (PUT replaces it). */
export class AccountPreferencesDto implements AccountPreferences {
  @ApiProperty({
    type: String,
    // null listed with the values: in OpenAPI 3.0 an enum is checked before `nullable`.
    enum: [...ELDER_MODE_VALUES, null],
    nullable: true,
    description: '长辈模式 chosen by hand on 我的; null follows WeChat’s font size (the device’s own choice then stands)',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsIn(ELDER_MODE_VALUES)
  elderMode: ElderModeChoice | null;
}
