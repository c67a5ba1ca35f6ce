import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, type ResidentDataExport, type ResidentProfile, type SessionAccount } from '@linli/shared';
import { Roles, RolesWithSessionAccount } from '../../common/auth/access-policy';
import { CurrentAuth, CurrentSessionAccount, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { SessionAccountDto } from '../auth';
import { ResidentDataExportDto } from './dto/data-export.dto';
import { ConsentDto, MyProfileDto, PhoneCodeDto, ResidentProfileDto, UpdateMyProfileDto } from './dto/person.dto';
import { MeService } from './me.service';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @RolesWithSessionAccount(...ROLES)
  @ApiOperation({ summary: 'The signed-in account: role, region, whether consent or a phone is still needed' })
  @ApiOkResponse({ type: SessionAccountDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID')
  describe(@CurrentSessionAccount() account: SessionAccount): SessionAccount {
    // Read by the auth guard with the session check, in the same query (issue 17: one round trip, not two).
    return account;
  }

  @Post('privacy-consent')
  @Roles('resident')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the current privacy terms (required before any personal data is stored)' })
  @ApiOkResponse({ type: SessionAccountDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'VALIDATION_FAILED', 'CONFLICT')
  acceptPrivacy(@CurrentAuth() auth: AuthContext, @Body() body: ConsentDto): Promise<SessionAccount> {
    return this.me.acceptPrivacyPolicy(auth, body.version);
  }

  @Get('profile')
  @Roles('resident')
  @ApiOperation({ summary: 'My person record (masked), or null before I first save it' })
  @ApiOkResponse({ type: MyProfileDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  async profile(@CurrentAuth() auth: AuthContext): Promise<{ profile: ResidentProfile | null }> {
    return { profile: await this.me.profile(auth) };
  }

  @Put('profile')
  @Roles('resident')
  @ApiOperation({ summary: 'Save my name, ID number (optional), address and community' })
  @ApiOkResponse({ type: ResidentProfileDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'VALIDATION_FAILED', 'CONSENT_REQUIRED', 'ID_NUMBER_TAKEN', 'NOT_FOUND')
  updateProfile(@CurrentAuth() auth: AuthContext, @Body() body: UpdateMyProfileDto): Promise<ResidentProfile> {
    return this.me.updateProfile(auth, body);
  }

  @Post('phone')
  @Roles('resident')
  @HttpCode(200)
  @ApiOperation({ summary: "Bind my phone from the getPhoneNumber button's code" })
  @ApiOkResponse({ type: ResidentProfileDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'VALIDATION_FAILED', 'CONSENT_REQUIRED', 'WECHAT_CODE_INVALID', 'WECHAT_UNAVAILABLE')
  bindPhone(@CurrentAuth() auth: AuthContext, @Body() body: PhoneCodeDto): Promise<ResidentProfile> {
    return this.me.bindPhone(auth, body.code);
  }

  @Get('export')
  @Roles('resident')
  @ApiOperation({ summary: 'Everything Linli holds about me, as JSON (ID and phone numbers masked)' })
  @ApiOkResponse({ type: ResidentDataExportDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  exportData(@CurrentAuth() auth: AuthContext): Promise<ResidentDataExport> {
    return this.me.exportData(auth);
  }

  @Delete()
  @Roles('resident')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete my account: personal data erased, sign-in removed, history kept anonymised' })
  @ApiNoContentResponse()
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  erase(@CurrentAuth() auth: AuthContext): Promise<void> {
    return this.me.eraseAccount(auth);
  }
}
