import { DynamicModule, Module, type Type } from '@nestjs/common';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { SecurityModule } from './common/security/security.module';
import { TimeModule } from './common/time/time.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AccountsAdminModule } from './modules/accounts-admin';
import { AppointmentsModule } from './modules/appointments';
import { AuthModule } from './modules/auth';
import { CatalogueModule } from './modules/catalogue';
import { HealthModule } from './modules/health';
import { LiveModule } from './modules/live';
import { DispatchModule } from './modules/dispatch';
import { MealSubsidiesModule } from './modules/meal-subsidies';
import { MealsModule } from './modules/meals';
import { NotificationsModule } from './modules/notifications';
import { OutletsModule } from './modules/outlets';
import { PaymentsModule } from './modules/payments';
import { PreferencesModule } from './modules/preferences';
import { RegionsModule } from './modules/regions';
import { ProvidersModule } from './modules/providers';
import { ResidentsModule } from './modules/residents';
import { DemoLoginAccountsModule } from './seed/demo-login-accounts.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extraModules: Array<Type | DynamicModule> = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        SecurityModule,
        TimeModule,
        IdempotencyModule,
        AuthModule,
        DemoLoginAccountsModule,
        HealthModule,
        RegionsModule,
        ResidentsModule,
        ProvidersModule,
        AccountsAdminModule,
        CatalogueModule,
        AppointmentsModule,
        DispatchModule,
        MealSubsidiesModule,
        MealsModule,
        LiveModule,
        PaymentsModule,
        OutletsModule,
        NotificationsModule,
        PreferencesModule,
        ...extraModules,
      ],
    };
  }
}
