import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InboxMessageView, InboxPage, InboxUnreadCount } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { UuidParam } from '../../common/http/uuid-param';
import { InboxMessageViewDto, InboxPageDto, InboxUnreadCountDto } from './dto/notifications.dto';
import { InboxService } from './inbox.service';

const EVERY_ROLE = ['resident', 'worker', 'provider_admin', 'staff', 'admin'] as const;
const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN'] as const;

@ApiTags('inbox')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '消息: the caller’s messages of the last 90 days, newest first, with the unread count' })
  @ApiOkResponse({ type: InboxPageDto })
  @ApiErrorResponses(...ERRORS)
  list(@CurrentAuth() auth: AuthContext): Promise<InboxPage> {
    return this.inbox.list(auth);
  }

  @Get('unread-count')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: 'How many of the caller’s messages are unread (the tab bar badge)' })
  @ApiOkResponse({ type: InboxUnreadCountDto })
  @ApiErrorResponses(...ERRORS)
  unreadCount(@CurrentAuth() auth: AuthContext): Promise<InboxUnreadCount> {
    return this.inbox.unreadCount(auth);
  }

  @Post('read-all')
  @HttpCode(200)
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: 'Marks all the caller’s messages read' })
  @ApiOkResponse({ type: InboxUnreadCountDto })
  @ApiErrorResponses(...ERRORS)
  markAllRead(@CurrentAuth() auth: AuthContext): Promise<InboxUnreadCount> {
    return this.inbox.markAllRead(auth);
  }

  @Post(':messageId/read')
  @HttpCode(200)
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: 'Marks one of the caller’s messages read' })
  @ApiOkResponse({ type: InboxMessageViewDto })
  @ApiErrorResponses(...ERRORS, 'NOT_FOUND', 'VALIDATION_FAILED')
  markRead(@CurrentAuth() auth: AuthContext, @UuidParam('messageId') messageId: string): Promise<InboxMessageView> {
    return this.inbox.markRead(auth, messageId);
  }
}
