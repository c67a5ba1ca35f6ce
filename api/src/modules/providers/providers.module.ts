import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { CatalogueModule } from '../catalogue';
import { OutboxModule } from '../outbox';
import { ProviderApplicationsController, ProvidersController } from './providers.controller';
import { ProvidersRepository } from './providers.repository';
import { ProvidersService } from './providers.service';
import { WorkerProfiles } from './worker-profiles';

@Module({
  imports: [AccountsModule, AuditModule, AuthModule, CatalogueModule, OutboxModule],
  controllers: [ProvidersController, ProviderApplicationsController],
  providers: [ProvidersRepository, ProvidersService, WorkerProfiles],
  exports: [WorkerProfiles],
})
export class ProvidersModule {}
