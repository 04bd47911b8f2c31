import { ApplicationModuleOptions } from '@crm/application';
import { ConsoleLogger, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
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
      // A provider failing at start-up rejects here (main.ts reports it); Nest would abort.
      abortOnError: false,
      logger:
        options.logger === false
          ? false
          : new ConsoleLogger({
              json: config.CRM_LOG_FORMAT === 'json',
              logLevels: logLevelsFrom(config.CRM_LOG_LEVEL ?? 'log'),
            }),
    },
  );
  useJsonBodyParser(app.getHttpAdapter().getInstance());
  app.enableShutdownHooks();
  setUpOpenApi(app as INestApplication);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
};

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
const logLevelsFrom = (level: (typeof LEVELS)[number]) =>
  LEVELS.slice(0, LEVELS.indexOf(level) + 1);
