import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, type AccountPreferences } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { AccountPreferencesDto } from './dto/account-preferences.dto';
import { AccountPreferencesService } from './account-preferences.service';

/** Every kind of account uses the mini program, so every kind keeps its own settings. */
@ApiTags('me')
@Controller('me/preferences')
export class AccountPreferencesController {
  constructor(private readonly preferences: AccountPreferencesService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'My mini-program settings (长辈模式), as saved on any device I signed in on' })
  @ApiOkResponse({ type: AccountPreferencesDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID')
  mine(@CurrentAuth() auth: AuthContext): Promise<AccountPreferences> {
    return this.preferences.mine(auth);
  }

  @Put()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Save my mini-program settings (the whole set)' })
  @ApiOkResponse({ type: AccountPreferencesDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'VALIDATION_FAILED')
  save(@CurrentAuth() auth: AuthContext, @Body() body: AccountPreferencesDto): Promise<AccountPreferences> {
    return this.preferences.save(auth, body);
  }
}
