import { Body, Controller, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { AccountsAdminService } from './accounts-admin.service';
import { AccountStatusDto, CreateStaffAccountDto, ManagedAccountDto } from './dto/admin-account.dto';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'CONFLICT'] as const;

@ApiTags('admin: accounts')
@Controller('admin')
@Roles('admin')
export class AccountsAdminController {
  constructor(private readonly admin: AccountsAdminService) {}

  @Post('staff-accounts')
  @ApiOperation({ summary: 'Create a staff or admin account scoped to a region in mine' })
  @ApiCreatedResponse({ type: ManagedAccountDto })
  @ApiErrorResponses(...ERRORS)
  createStaffAccount(@CurrentAuth() auth: AuthContext, @Body() body: CreateStaffAccountDto): Promise<ManagedAccountDto> {
    return this.admin.createStaffAccount(auth, body);
  }

  @Put('accounts/:accountId/status')
  @ApiOperation({ summary: 'Disable (revoking all its sessions) or re-enable an account in my region' })
  @ApiOkResponse({ type: ManagedAccountDto })
  @ApiErrorResponses(...ERRORS)
  setStatus(@CurrentAuth() auth: AuthContext, @UuidParam('accountId') accountId: string, @Body() body: AccountStatusDto): Promise<ManagedAccountDto> {
    return this.admin.setStatus(auth, accountId, body.status);
  }
}
