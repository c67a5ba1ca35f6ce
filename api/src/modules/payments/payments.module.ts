import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { NotificationRawBody } from './notification-raw-body';
import { PaymentsRepository } from './payments.repository';
import { WechatPayNotifyController } from './wechat-pay-notify.controller';
import { WechatPaySweeper } from './wechat-pay-sweeper';
import { WechatPayClient } from './wechat-pay.client';
import { WechatPayments } from './wechat-payments';

@Module({
  imports: [AccountsModule],
  controllers: [WechatPayNotifyController],
  providers: [PaymentsRepository, WechatPayClient, WechatPayments, WechatPaySweeper, NotificationRawBody],
  exports: [WechatPayments],
})
export class PaymentsModule {}
