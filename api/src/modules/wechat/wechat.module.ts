import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { WechatAccessTokens } from './wechat-access-tokens';
import { WechatHttp } from './wechat-http';
import { WechatSubscribeGrants } from './wechat-subscribe-grants';
import { WechatSubscribeMessages } from './wechat-subscribe-messages';
import { WechatSubscriptionsController } from './wechat-subscriptions.controller';
import { WechatSubscriptions } from './wechat-subscriptions.service';
import { WechatClient } from './wechat.client';

@Module({
  imports: [AccountsModule],
  controllers: [WechatSubscriptionsController],
  providers: [WechatHttp, WechatAccessTokens, WechatClient, WechatSubscribeGrants, WechatSubscribeMessages, WechatSubscriptions],
  exports: [WechatClient, WechatSubscribeMessages],
})
export class WechatModule {}
