import 'reflect-metadata';
import {
  ApiKeyAdministration,
  ConfigError,
  ensureBootstrapAdminKey,
  loadConfig,
} from '@crm/application';
import { Logger } from '@nestjs/common';
import { createApp } from './create-app';

const bootstrap = async (): Promise<void> => {
  const config = loadConfig();
  const app = await createApp({ config });
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
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  Logger.log(
    `CRM API on http://localhost:${config.PORT} (docs at /docs), data in ${config.CRM_DATA_DIR}`,
    'Bootstrap',
  );
};

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
