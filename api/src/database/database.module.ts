import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { openDataSource } from './open-data-source';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config.database),
        // Migrations run at start, before the first request is served. With several instances, run
        // `npm run migration:run -w @linli/api` once before rolling them out (docs/operations.md).
        migrationsRun: true,
        migrationsTransactionMode: 'each',
        // A database that is down at start-up is reported once, clearly, instead of retried silently.
        retryAttempts: 0,
      }),
      // Reads see only committed data on both dialects (on SQLite through a connection of their own).
      dataSourceFactory: (options) => openDataSource(options!),
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
