import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { DeadLettersService, type DeadLetterView } from './dead-letters.service';
import { DeadLetterListDto, DeadLetterViewDto } from './dto/notifications.dto';

const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN'] as const;

@ApiTags('notifications')
@Controller('admin/notifications/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Messages the relay gave up on, with why: a city admin sees all; other staff and admins those naming a region inside theirs' })
  @ApiOkResponse({ type: DeadLetterListDto })
  @ApiErrorResponses(...ERRORS)
  async list(@CurrentAuth() auth: AuthContext): Promise<{ items: DeadLetterView[] }> {
    return { items: await this.deadLetters.list(auth) };
  }

  @Post(':messageId/retry')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Puts a dead message back in the queue; recipients who already have it do not get it again (who may: as for the list; another’s answers 404)' })
  @ApiOkResponse({ type: DeadLetterViewDto })
  @ApiErrorResponses(...ERRORS, 'NOT_FOUND', 'VALIDATION_FAILED')
  retry(@CurrentAuth() auth: AuthContext, @UuidParam('messageId') messageId: string): Promise<DeadLetterView> {
    return this.deadLetters.retry(auth, messageId);
  }
}
