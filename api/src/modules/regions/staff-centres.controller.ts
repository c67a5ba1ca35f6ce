import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CentreSummary, ListResponse } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { CentreListDto } from './dto/region-responses.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller('staff')
export class StaffCentresController {
  constructor(private readonly regions: RegionsService) {}

  @Get('centres')
  @Roles('staff', 'admin')
  @ApiOperation({
    summary: 'The citizen centres in my scope (my region and everything under it), for the desks I may work at',
    description: 'Staff pages offer only these centres; any other centre id sent to a staff route answers 404.',
  })
  @ApiOkResponse({ type: CentreListDto })
  @ApiErrorResponses('UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN')
  listMine(@CurrentAuth() auth: AuthContext): Promise<ListResponse<CentreSummary>> {
    return this.regions.listCentresInScope(auth);
  }
}
