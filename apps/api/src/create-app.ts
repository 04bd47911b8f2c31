import { ApplicationModuleOptions } from '@crm/application';
import { ConsoleLogger, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { useAuthentication } from './auth/authentication.hook';
import { Authenticator } from './auth/authenticator';
import { useRateLimits } from './auth/rate-limits';
import helmet from '@fastify/helmet';
import { useJsonBodyParser } from './http/json-body-parser';
import { setUpOpenApi } from './openapi';

/** Builds the HTTP application; main.ts listens, the end-to-end tests drive it in-process. */
export const createApp = async (
  options: ApplicationModuleOptions & { logger?: false },
): Promise<NestFastifyApplication> => {
  const { config } = options;
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    new FastifyAdapter({ bodyLimit: config.CRM_BODY_LIMIT_BYTES }),
    {
      // Our own JSON parser is registered below; Nest's would clash with it.
      bodyParser: false,
      logger:
        options.logger === false
          ? false
          : new ConsoleLogger({
              json: config.CRM_LOG_FORMAT === 'json',
              logLevels: logLevelsFrom(config.CRM_LOG_LEVEL ?? 'log'),
            }),
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
  app.enableShutdownHooks();
  if (config.CRM_DOCS === 'on') setUpOpenApi(app as INestApplication);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
};

const CORS_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'idempotency-key',
  'if-match',
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

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
const logLevelsFrom = (level: (typeof LEVELS)[number]) =>
  LEVELS.slice(0, LEVELS.indexOf(level) + 1);
