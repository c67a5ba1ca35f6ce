import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { AccountsAdminController } from './accounts-admin.controller';
import { AccountsAdminService } from './accounts-admin.service';

/**
 * Admins managing staff accounts. A module (and folder) of its own, above both AccountsModule and AuthModule: it
 * needs AuthModule's session revocation, and AuthModule needs AccountsModule.
 */
@Module({ imports: [AccountsModule, AuthModule, AuditModule], controllers: [AccountsAdminController], providers: [AccountsAdminService] })
export class AccountsAdminModule {}
