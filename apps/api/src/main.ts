import 'reflect-metadata';
import {
  APP_CONFIG,
  AppConfig,
  ApiKeyAdministration,
  ensureBootstrapAdminKey,
  CrmMetrics,
  listenOrExplain,
  OpsServer,
  reportStartupFailure,
  startOpsServer,
  startTracing,
  stopOnSignals,
} from '@crm/application';
import { Logger } from '@nestjs/common';
import { createApp } from './create-app';

const bootstrap = async (): Promise<void> => {
  const tracing = await startTracing('api');
  const metrics = new CrmMetrics('api');
  // The environment is validated by ConfigModule inside createApp; its result is APP_CONFIG.
  const app = await createApp({ metrics });
  const config = app.get<AppConfig>(APP_CONFIG);
  const bootstrapKey = await ensureBootstrapAdminKey(app.get(ApiKeyAdministration), {
    dataDir: config.CRM_DATA_DIR,
    tenantId: config.CRM_BOOTSTRAP_TENANT,
  });
  if (bootstrapKey) {
    Logger.log(
      `no API key existed: created an admin key for tenant ${config.CRM_BOOTSTRAP_TENANT}, secret in ${bootstrapKey} (mode 0600)`,
      'Bootstrap',
    );
  }
  let ops: OpsServer | undefined;
  // Closing the app stops accepting, lets requests in flight finish, then closes the stores.
  const logger = new Logger('Shutdown');
  stopOnSignals(
    async () => {
      await ops?.close();
      await app.close();
      await tracing?.shutdown();
    },
    (level, message, fields) => logger[level]({ msg: message, ...fields }),
  );
  await listenOrExplain('PORT', config.PORT, () =>
    app.listen({ port: config.PORT, host: '0.0.0.0' }),
  );
  if (config.CRM_METRICS_PORT !== undefined) {
    ops = await startOpsServer({
      host: config.CRM_METRICS_HOST,
      port: config.CRM_METRICS_PORT,
      metrics,
    });
    Logger.log(`metrics on http://${config.CRM_METRICS_HOST}:${ops.port}/metrics`, 'Bootstrap');
  }
  Logger.log(
    `CRM API on http://localhost:${config.PORT} (docs at /docs), data in ${config.CRM_DATA_DIR}`,
    'Bootstrap',
  );
};

bootstrap().catch((error: unknown) => {
  reportStartupFailure('crm-api', error);
  // Stores may be open and the projections following the log: nothing else ends the process.
  process.exit(1);
});
