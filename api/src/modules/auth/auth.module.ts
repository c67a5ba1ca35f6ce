import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '../accounts';
import { AuditModule } from '../audit';
import { WechatModule } from '../wechat';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { DemoLoginService } from './demo-login.service';
import { InvitationService } from './invitation.service';
import { LoginService } from './login.service';
import { SessionService } from './session.service';

@Module({
  imports: [AccountsModule, AuditModule, WechatModule],
  controllers: [AuthController],
  providers: [AuthRepository, SessionService, LoginService, InvitationService, DemoLoginService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthRepository, SessionService, InvitationService],
})
export class AuthModule {}
