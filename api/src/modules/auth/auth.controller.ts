import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, type DemoAccount, type ListResponse, type LoginResponse, type SessionTokens } from '@linli/shared';
import { Public, Roles } from '../../common/auth/access-policy';
import { CurrentAuth, CurrentRequestMeta, type AuthContext, type RequestMeta } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { DemoLoginService } from './demo-login.service';
import { DemoAccountListDto, DemoLoginDto, LoginResponseDto, PasswordLoginDto, RefreshDto, SessionTokensDto, WechatInvitationLoginDto, WechatLoginDto } from './dto/auth.dto';
import { LoginService } from './login.service';
import { SessionService } from './session.service';

const WECHAT_ERRORS = ['VALIDATION_FAILED', 'WECHAT_CODE_INVALID', 'WECHAT_RATE_LIMITED', 'WECHAT_USER_BLOCKED', 'WECHAT_UNAVAILABLE', 'ACCOUNT_DISABLED'] as const;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    private readonly demo: DemoLoginService,
  ) {}

  @Post('wechat/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with the code from Taro.login(); a new WeChat user gets a resident account' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrorResponses(...WECHAT_ERRORS)
  wechatLogin(@Body() body: WechatLoginDto, @CurrentRequestMeta() meta: RequestMeta): Promise<LoginResponse> {
    return this.login.loginWithWechat(body.code, meta);
  }

  @Post('wechat/worker-binding')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: "Bind this WeChat to a worker record with the organisation's invitation code" })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrorResponses(...WECHAT_ERRORS, 'INVITATION_INVALID', 'CONFLICT')
  bindWorker(@Body() body: WechatInvitationLoginDto, @CurrentRequestMeta() meta: RequestMeta): Promise<LoginResponse> {
    return this.login.bindWorker(body.code, body.invitationCode, meta);
  }

  @Post('wechat/member-claim')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Link this WeChat to the household-member record a family member created' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrorResponses(...WECHAT_ERRORS, 'INVITATION_INVALID', 'CONFLICT')
  claimMember(@Body() body: WechatInvitationLoginDto, @CurrentRequestMeta() meta: RequestMeta): Promise<LoginResponse> {
    return this.login.claimHouseholdMember(body.code, body.invitationCode, meta);
  }

  @Post('password/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Staff, admins and provider admins: username and password',
    description:
      'An unknown username, a wrong password and a locked account (even with the right password) all answer the same ' +
      '401 INVALID_CREDENTIALS, so no answer tells which accounts exist. The owner is told of failed attempts in ' +
      '`failedSignIns` at their next successful sign-in. Too many attempts from one client IP answer 429 RATE_LIMITED.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrorResponses('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'ACCOUNT_DISABLED', 'RATE_LIMITED')
  passwordLogin(@Body() body: PasswordLoginDto, @CurrentRequestMeta() meta: RequestMeta): Promise<LoginResponse> {
    return this.login.loginWithPassword(body.username, body.password, meta);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)' })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiErrorResponses('VALIDATION_FAILED', 'TOKEN_INVALID', 'REFRESH_TOKEN_REUSED', 'ACCOUNT_DISABLED')
  async refresh(@Body() body: RefreshDto): Promise<SessionTokens> {
    return (await this.sessions.refresh(body.refreshToken)).tokens;
  }

  @Post('logout')
  @Roles(...ROLES)
  @HttpCode(204)
  @ApiOperation({ summary: 'End this login session: its refresh and access tokens stop working' })
  @ApiNoContentResponse()
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID')
  logout(@CurrentAuth() auth: AuthContext): Promise<void> {
    return this.sessions.end(auth.sessionId);
  }

  @Get('demo/accounts')
  @Public()
  @ApiOperation({ summary: 'Demo only (no WeChat AppID configured): the seeded accounts the H5 demo can sign in as' })
  @ApiOkResponse({ type: DemoAccountListDto })
  @ApiErrorResponses('NOT_FOUND')
  async demoAccounts(): Promise<ListResponse<DemoAccount>> {
    return { items: await this.demo.listAccounts() };
  }

  @Post('demo/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo only: sign in as a seeded account (WeChat accounts go through the fake WeChat server)' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'ACCOUNT_DISABLED', 'WECHAT_UNAVAILABLE')
  demoLogin(@Body() body: DemoLoginDto, @CurrentRequestMeta() meta: RequestMeta): Promise<LoginResponse> {
    return this.demo.signIn(body.accountId, meta);
  }
}
