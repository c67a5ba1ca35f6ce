import { ApiProperty } from '@nestjs/swagger';
import type { ResidentDataExport } from '@linli/shared';
import { ApiModelOrNull } from '../../../common/http/api-nullable';
import { SessionAccountDto } from '../../auth';
import { AccountPreferencesDto } from '../../preferences';
import { HouseholdMemberDto, ResidentProfileDto } from './person.dto';

class ConsentRecordDto {
  @ApiProperty({ example: '2026-11-01', description: 'Version of the privacy terms accepted' }) version: string;
  @ApiProperty({ format: 'date-time' }) acceptedAt: string;
}

class ActivityEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'booking.created' }) action: string;
  @ApiProperty({ example: 'booking' }) targetType: string;
  @ApiProperty({ nullable: true, type: String }) targetId: string | null;
}

/** GET /me/export: everything Linli holds about the resident, ID and phone numbers masked. */
export class ResidentDataExportDto implements ResidentDataExport {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: SessionAccountDto }) account: SessionAccountDto;
  @ApiModelOrNull(ResidentProfileDto, { description: 'Null until the resident first saves their details' }) profile: ResidentProfileDto | null;
  @ApiProperty({ type: [HouseholdMemberDto] }) household: HouseholdMemberDto[];
  @ApiProperty({ type: [ConsentRecordDto] }) consents: ConsentRecordDto[];
  @ApiProperty({ type: [ActivityEntryDto], description: "The resident's own actions, from the audit log" }) activity: ActivityEntryDto[];
  @ApiProperty({ type: AccountPreferencesDto, description: 'The account’s own settings (长辈模式)' }) preferences: AccountPreferencesDto;
}
