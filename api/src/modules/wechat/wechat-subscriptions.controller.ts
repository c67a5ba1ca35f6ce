import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SubscribeGrantsView, SubscribeTemplatesView } from '@linli/shared';
import { Roles } from '../../common/auth/access-policy';
import { CurrentAuth, type AuthContext } from '../../common/auth/auth-context';
import { ApiErrorResponses } from '../../common/http/api-error-responses';
import { SubscribeGrantsDto, SubscribeGrantsViewDto, SubscribeTemplatesViewDto } from './dto/wechat-subscriptions.dto';
import { WechatSubscriptions } from './wechat-subscriptions.service';

/** The people who get WeChat subscribe messages: residents (and their households) and workers. */
const SUBSCRIBERS = ['resident', 'worker'] as const;
const ERRORS = ['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN'] as const;

@ApiTags('wechat')
@Controller()
export class WechatSubscriptionsController {
  constructor(private readonly subscriptions: WechatSubscriptions) {}

  @Get('wechat/subscribe-templates')
  @Roles(...SUBSCRIBERS)
  @ApiOperation({ summary: 'The subscribe-message template ids the mini program asks for at each moment (requestSubscribeMessage)' })
  @ApiOkResponse({ type: SubscribeTemplatesViewDto })
  @ApiErrorResponses(...ERRORS)
  templates(): SubscribeTemplatesView {
    return this.subscriptions.templates();
  }

  @Post('me/subscriptions')
  @HttpCode(200)
  @Roles(...SUBSCRIBERS)
  @ApiOperation({ summary: 'Reports what the user answered in requestSubscribeMessage: each 允许 allows one more message of that template' })
  @ApiOkResponse({ type: SubscribeGrantsViewDto })
  @ApiErrorResponses(...ERRORS, 'VALIDATION_FAILED')
  report(@CurrentAuth() auth: AuthContext, @Body() body: SubscribeGrantsDto): Promise<SubscribeGrantsView> {
    return this.subscriptions.report(auth, body);
  }
}
