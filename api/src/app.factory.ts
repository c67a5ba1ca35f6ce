import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { LogController } from 'fastify';
import pino, { type Logger } from 'pino';
import { AppModule } from './app.module';
import { ApiExceptionFilter, sendRouterError } from './common/errors/api-exception.filter';
import { DEFAULT_MESSAGE_BY_CODE, HTTP_STATUS_BY_CODE } from './common/errors/error-status';
import { AllowedMethods } from './common/http/allowed-methods';
import { documentRouterAnswers } from './common/http/api-error-responses';
import { useJsonBodyParser } from './common/http/json-body';
import { createValidationPipe } from './common/http/validation';
import { buildLoggerOptions, requestIdFor } from './common/logging/logger-options';
import { useRequestLog } from './common/logging/request-log';
import { NestPinoLogger } from './common/logging/nest-pino-logger';
import type { AppConfig } from './config/app-config';

export const API_PREFIX = 'api';

/**
 * Errors Node's HTTP parser raises before a request exists (garbled request line, body cut short, headers too
 * large) still get the one error body, written straight to the socket, with a request id of their own that the
 * log line carries too.
 */
function clientErrorAnswerer(logger: Logger) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (!socket.writable) return;
    const code = error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'MALFORMED_BODY';
    const requestId = randomUUID();
    logger.info({ requestId, parserError: error.code ?? null, code }, 'unreadable request refused');
    const body = JSON.stringify({ code, message: DEFAULT_MESSAGE_BY_CODE[code], requestId });
    const status = `${HTTP_STATUS_BY_CODE[code]} ${STATUS_CODES[HTTP_STATUS_BY_CODE[code]]}`;
    socket.end(
      `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nx-request-id: ${requestId}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export interface CreateAppOptions {
  /** Extra modules mounted beside the application's own (tests use this for probe routes). */
  extraModules?: Array<Type | DynamicModule>;
}

/**
 * Builds the whole application (used by main.ts and by every e2e test, so tests exercise exactly what runs):
 * Fastify with a capped JSON-only body parser, structured logs, the global validation pipe and error filter,
 * OpenAPI at /api/docs, and the built H5 app at / when present. Migrations have run when this resolves.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = pino(buildLoggerOptions(config.logLevel));
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.maxBodyBytes,
    genReqId: requestIdFor,
    // One line per request, written by useRequestLog (common/logging/request-log.ts) with the fields operations need.
    logController: new LogController({ disableRequestLogging: true }),
    // During shutdown, new requests on kept-alive sockets get 503 while in-flight ones finish.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    clientErrorHandler: clientErrorAnswerer(logger),
    frameworkErrors: sendRouterError,
    // A hop count means "believe that many proxies in front of us" (Fastify's own reading of a number).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
  });
  const fastify = adapter.getInstance();
  useJsonBodyParser(fastify);
  const allowedMethods = AllowedMethods.collect(fastify, `/${API_PREFIX}/`);
  useRequestLog(fastify);

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.extraModules), adapter, {
    bodyParser: false,
    logger: new NestPinoLogger(logger),
    // Start-up failures (database unreachable, bad migration) reject here so main.ts can report them once.
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter(allowedMethods));

  const document = documentRouterAnswers(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Linli 邻里 API')
        .setDescription('Community services: regions, citizen centres, bookings. Errors are always { code, message, details?, requestId }.')
        .setVersion('0.1.0')
        .build(),
    ),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });

  // Multipart is parsed only where a handler asks for a file (photo uploads); every other route still speaks JSON.
  await app.register(fastifyMultipart, { throwFileSizeLimit: true });

  if (config.h5Dir && existsSync(config.h5Dir)) {
    await app.register(fastifyStatic, { root: config.h5Dir, prefix: '/', decorateReply: false, index: ['index.html'] });
  }

  await app.init();
  return app;
}
