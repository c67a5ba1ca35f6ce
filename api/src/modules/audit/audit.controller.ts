import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { AuditService } from './audit.service';
import { AuditEntryDto, AuditEntryListDto, AuditQuery } from './dto/audit.dto';

@ApiTags('admin: audit')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit entries about records in my region, newest first' })
  @ApiOkResponse({ type: AuditEntryListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'VALIDATION_FAILED')
  async list(@CurrentAuth() auth: AuthContext, @Query() query: AuditQuery): Promise<ListResponse<AuditEntryDto>> {
    return { items: await this.audit.listForAdmin(auth, query) };
  }
}
