import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ProviderApplicationsController, ProvidersController } from './providers.controller';
import { ProvidersRepository } from './providers.repository';
import { ProvidersService } from './providers.service';
import { WorkerProfiles } from './worker-profiles';

@Module({ imports: [AccountsModule, AuditModule, AuthModule, CatalogueModule, OutboxModule], controllers: [ProvidersController, ProviderApplicationsController], providers: [ProvidersRepository, ProvidersService, WorkerProfiles], exports: [WorkerProfiles] })
export class ProvidersModule {}
