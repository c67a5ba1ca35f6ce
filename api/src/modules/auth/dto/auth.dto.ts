import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { IsInvitationCode } from '../../../common/http/validation';
import { ROLES, type FailedSignIns, type LoginResponse, type Role, type SessionAccount, type SessionTokens, type DemoAccount, type InvitationCode } from '@linli/shared';

export class WechatLoginDto {
  @ApiProperty({ description: 'The code from Taro.login() / wx.login(); valid once, for 5 minutes' })
  @IsString()
  @Length(1, 128)
  code: string;
}

export class WechatInvitationLoginDto extends WechatLoginDto {
  @ApiProperty({ description: 'One-time invitation code (8 letters/digits)' })
  @IsInvitationCode()
  invitationCode: string;
}

export class PasswordLoginDto {
  @ApiProperty({ example: 'anda.staff' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(20, 100)
  refreshToken: string;
}

export class DemoLoginDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  accountId: string;
}

export class SessionTokensDto implements SessionTokens {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty() accessTokenExpiresIn: number;
}

export class SessionAccountDto implements SessionAccount {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) regionId: string | null;
  @ApiProperty({ nullable: true, type: String }) regionName: string | null;
  @ApiProperty({ nullable: true, type: String }) providerId: string | null;
  @ApiProperty({ nullable: true, type: String }) residentId: string | null;
  @ApiProperty() consentRequired: boolean;
  @ApiProperty() phoneBound: boolean;
}

export class FailedSignInsDto implements FailedSignIns {
  @ApiProperty({ minimum: 1, description: 'Wrong passwords tried on this account since its previous successful sign-in' }) count: number;
  @ApiProperty({ format: 'date-time', description: 'When the most recent one was tried' }) lastAt: string;
  @ApiProperty({ description: 'They locked the account at least once' }) locked: boolean;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ type: SessionTokensDto }) tokens: SessionTokensDto;
  @ApiProperty({ type: SessionAccountDto }) account: SessionAccountDto;
  @ApiPropertyOptional({
    type: FailedSignInsDto,
    description:
      'Password sign-in only, present when wrong passwords were tried since the previous successful sign-in. Failed attempts ' +
      'answer exactly like unknown usernames (401 INVALID_CREDENTIALS), so this is how the owner learns of them: show it once.',
  })
  failedSignIns?: FailedSignInsDto;
}

export class DemoAccountDto implements DemoAccount {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() displayName: string;
  @ApiProperty() description: string;
}

export class DemoAccountListDto {
  @ApiProperty({ type: [DemoAccountDto] }) items: DemoAccountDto[];
}

/** A one-time invitation code as issued, shown once to whoever issued it (a worker's, a household member's). */
export class InvitationCodeDto implements InvitationCode {
  @ApiProperty({ example: 'K7M2P9QX' }) code: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
