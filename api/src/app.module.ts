import { DynamicModule, Module, type Type } from '@nestjs/common';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { SecurityModule } from './common/security/security.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AccountsAdminModule } from './modules/accounts/accounts-admin.module';
import { AppointmentsModule } from './modules/appointments/appointments.module';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogueModule } from './modules/catalogue/catalogue.module';
import { HealthModule } from './modules/health/health.module';
import { DispatchModule } from './modules/dispatch/dispatch.module';
import { RegionsModule } from './modules/regions/regions.module';
import { ProvidersModule } from './modules/providers/providers.module';
import { ResidentsModule } from './modules/residents/residents.module';
import { DemoLoginAccountsModule } from './seed/demo-login-accounts.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extraModules: Array<Type | DynamicModule> = []): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, SecurityModule, IdempotencyModule, AuthModule, DemoLoginAccountsModule, HealthModule, RegionsModule, ResidentsModule, ProvidersModule, AccountsAdminModule, CatalogueModule, AppointmentsModule, DispatchModule, ...extraModules],
    };
  }
}
