import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, createApp } from './app.factory';
import { HttpDrain } from './common/http/http-drain';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';

/**
 * SIGTERM/SIGINT: take in every request already sent (see HttpDrain), stop accepting connections, let in-flight
 * requests finish — each answer closing its connection — and close the database pool. If that takes longer than
 * SHUTDOWN_TIMEOUT_MS the process exits anyway, so an orchestrator's kill never hangs.
 */
function closeGracefullyOnSignals(app: NestFastifyApplication, config: AppConfig): void {
  const logger = app.getHttpAdapter().getInstance().log;
  const drain = new HttpDrain(app.getHttpServer());
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting with requests still open');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    drain
      .begin()
      .then(() => app.close())
      .then(
        () => {
          logger.info('shutdown complete');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  closeGracefullyOnSignals(app, config);
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.getHttpAdapter().getInstance().log.info({ port, database: config.database.dialect }, `listening on http://localhost:${port}/${API_PREFIX}`);
}

bootstrap().catch((error: unknown) => {
  // Configuration and database problems are the operator's to fix: say what is wrong, without a stack trace.
  const message = error instanceof ConfigError ? error.message : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`;
  console.error(message);
  process.exit(1);
});
