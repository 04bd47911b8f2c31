import {
  AppConfig,
  createLogger,
  CrmMetrics,
  loadConfiguration,
  PinoNestLogger,
} from '@crm/application';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'pino';
import { AppModule, AppModuleOptions } from './app.module';
import { useAuthentication } from './auth/authentication.hook';
import { Authenticator } from './auth/authenticator';
import { useRateLimits } from './auth/rate-limits';
import helmet from '@fastify/helmet';
import { useAccessLog } from './http/access-log';
import { useHttpMetrics } from './http/http-metrics';
import { useRequestTracing } from './http/request-tracing';
import { useJsonBodyParser } from './http/json-body-parser';
import { useRecordETags } from './http/record-etags';
import { requestIdOf } from './http/request-id';
import { setUpOpenApi } from './openapi';

export type CreateAppOptions = Omit<AppModuleOptions, 'config' | 'configModule'> & {
  /** Already validated (the tests); otherwise ConfigModule validates the process environment. */
  config?: AppConfig;
  /** false: no logging at all (the end-to-end suites); a logger: lines go there. */
  logger?: false | Logger;
};

/** Builds the HTTP application; main.ts listens, the end-to-end tests drive it in-process. */
export const createApp = async (options: CreateAppOptions): Promise<NestFastifyApplication> => {
  // A refused variable rejects here (ConfigError), before any store is opened.
  const { config, module: configModule } = await loadConfiguration(options.config);
  const logger =
    options.logger === false
      ? undefined
      : (options.logger ??
        createLogger({
          service: 'api',
          format: config.CRM_LOG_FORMAT,
          level: config.CRM_LOG_LEVEL,
        }));
  const metrics = options.metrics ?? new CrmMetrics('api');
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ ...options, config, configModule, metrics }),
    new FastifyAdapter({ bodyLimit: config.CRM_BODY_LIMIT_BYTES, genReqId: requestIdOf }),
    {
      // Our own JSON parser is registered below; Nest's would clash with it.
      bodyParser: false,
      // A provider failing at start-up rejects here (main.ts reports it); Nest would abort.
      abortOnError: false,
      logger: logger ? new PinoNestLogger(logger) : false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  // First of all hooks: nothing is parsed or handled for a request without a valid credential.
  useAuthentication(fastify, app.get(Authenticator), { docsPublic: config.CRM_DOCS === 'on' });
  await useRateLimits(fastify, config);
  await app.register(helmet, { contentSecurityPolicy: SWAGGER_UI_CSP });
  if (config.CRM_CORS_ORIGINS !== undefined) {
    app.enableCors({
      origin: config.CRM_CORS_ORIGINS.split(',').map((origin) => origin.trim()),
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: ['etag', 'retry-after', 'x-masked-fields'],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    });
  }
  useJsonBodyParser(fastify);
  useRequestTracing(fastify);
  useAccessLog(fastify, logger);
  useHttpMetrics(fastify, metrics);
  useRecordETags(fastify);
  if (config.CRM_DOCS === 'on') setUpOpenApi(app as INestApplication);
  await app.init();
  await fastify.ready();
  return app;
};

const CORS_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'idempotency-key',
  'if-match',
  'if-none-match',
  'x-correlation-id',
  'x-causation-id',
  'x-tenant-id',
];

/** Helmet's defaults, loosened only as far as the Swagger UI at /docs needs. */
const SWAGGER_UI_CSP = {
  directives: {
    defaultSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
    scriptSrc: ["'self'", "https: 'unsafe-inline'"],
  },
};
