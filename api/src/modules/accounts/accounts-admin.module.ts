import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { AccountsAdminController } from './accounts-admin.controller';
import { AccountsAdminService } from './accounts-admin.service';
import { AccountsModule } from './accounts.module';

/** Separate from AccountsModule because it needs AuthModule's session revocation, and AuthModule needs AccountsModule. */
@Module({ imports: [AccountsModule, AuthModule, AuditModule], controllers: [AccountsAdminController], providers: [AccountsAdminService] })
export class AccountsAdminModule {}
