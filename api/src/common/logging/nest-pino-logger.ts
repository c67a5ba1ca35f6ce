import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Sends Nest's own messages through the same structured pino logger as requests. Nest's `log` level is its
 * bootstrap chatter (every module and route, on every start), so it goes to debug; warnings and errors stay.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
