import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { IsIdNumber, IsMainlandMobile, IsPersonName, IsSearchText } from '../../../common/http/validation';
import { ApiEnumOrNull, ApiModelOrNull } from '../../../common/http/api-nullable';
import { HOUSEHOLD_RELATIONS, type HouseholdMember, type HouseholdRelation, type ResidentProfile } from '@linli/shared';

/** Fields every person record has; where they live is added by each use (optional for residents, required for staff). */
export class PersonFieldsDto {
  @ApiProperty({ example: '王秀英' })
  @IsPersonName('姓名只能包含汉字、字母和·')
  name: string;

  @ApiPropertyOptional({ description: 'GB 11643 ID number; stored encrypted, always answered masked', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIdNumber()
  idNumber?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 200)
  address?: string | null;
}

export class OptionalCommunityDto extends PersonFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A community (社区) id', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  communityId?: string | null;
}

export class UpdateMyProfileDto extends OptionalCommunityDto {}

export class AddHouseholdMemberDto extends OptionalCommunityDto {
  @ApiProperty({ enum: HOUSEHOLD_RELATIONS })
  @IsIn(HOUSEHOLD_RELATIONS)
  relation: HouseholdRelation;

  @ApiPropertyOptional({ description: "The member's own mobile, if they have one", nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsMainlandMobile()
  phone?: string | null;
}

export class UpdateHouseholdMemberDto extends AddHouseholdMemberDto {}

export class RegisterResidentDto extends PersonFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'Community the resident lives in (must be within your region)' })
  @IsUUID()
  communityId: string;

  @ApiProperty({ description: "The resident's own mobile, or a relative's when they have none" })
  @IsMainlandMobile()
  phone: string;

  @ApiProperty({ enum: ['self', 'relative'] })
  @IsIn(['self', 'relative'])
  phoneOwner: 'self' | 'relative';

  @ApiPropertyOptional({
    description:
      "Also send the resident's messages (booking confirmations, reminders…) by SMS to this phone, for an elder without WeChat; only with the elder's or family's consent. Off unless given; left as it is when omitted on an edit.",
  })
  @IsOptional()
  @IsBoolean()
  smsNotifications?: boolean;
}

export class UpdateResidentDto extends RegisterResidentDto {}

/** A resident's phone added or corrected at the desk, without sending the rest of the record (shown masked there). */
export class ResidentPhoneDto extends PickType(RegisterResidentDto, ['phone', 'phoneOwner'] as const) {}

export class SmsNotificationsDto {
  @ApiProperty({
    description: "Also send the resident's messages by SMS to the phone on their record; only with the elder's or family's consent. Switching it on needs a phone on the record.",
  })
  @IsBoolean()
  enabled: boolean;
}

export class PhoneCodeDto {
  @ApiProperty({ description: "The code from the getPhoneNumber button's event" })
  @IsString()
  @Length(1, 128)
  code: string;
}

export class ConsentDto {
  @ApiProperty({ example: '2026-11-01', description: 'The version of the privacy terms the user read and accepted' })
  @IsString()
  @MaxLength(20)
  version: string;
}

export class ResidentSearchQuery {
  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsSearchText()
  @Length(1, 32)
  name?: string;

  @ApiPropertyOptional({ description: 'Full ID number: matched by keyed hash, never stored or logged in clear' })
  @IsOptional()
  @IsIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({ description: 'Full mobile number (own or a relative’s)' })
  @IsOptional()
  @IsMainlandMobile()
  phone?: string;
}

export class ResidentProfileDto implements ResidentProfile {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, example: '138****8000' }) phoneMasked: string | null;
  @ApiEnumOrNull(['self', 'relative']) phoneOwner: 'self' | 'relative' | null;
  @ApiProperty({ nullable: true, type: String, example: '1101**********1234' }) idNumberMasked: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1948-03-12' }) birthDate: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) communityId: string | null;
  @ApiProperty({ nullable: true, type: String }) communityName: string | null;
  @ApiProperty() hasOwnAccount: boolean;
  @ApiProperty({ description: 'Messages about the resident also go by SMS to the phone above (set by staff)' }) smsNotifications: boolean;
}

export class HouseholdMemberDto extends ResidentProfileDto implements HouseholdMember {
  @ApiProperty({ enum: HOUSEHOLD_RELATIONS }) relation: HouseholdRelation;
}

export class MyProfileDto {
  @ApiModelOrNull(ResidentProfileDto, { description: 'Null until I first save my details' }) profile: ResidentProfileDto | null;
}

export class HouseholdMemberListDto {
  @ApiProperty({ type: [HouseholdMemberDto] }) items: HouseholdMemberDto[];
}

export class ResidentListDto {
  @ApiProperty({ type: [ResidentProfileDto] }) items: ResidentProfileDto[];
}

export class RevealedIdNumberDto {
  @ApiProperty() idNumber: string;
}
