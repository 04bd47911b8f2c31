/**
 * The API for the automation crash test, as `npm start` runs it on the data directory `<dir>`
 * (embedded stores, processes running: projections, rules, timers, webhooks), listening on a
 * free port of 127.0.0.1 and printing `listening <port>` once it answers, until it is killed.
 */
import 'reflect-metadata';
import { loadConfig } from '@crm/application';
import { AddressInfo } from 'node:net';
import { createApp } from '../../apps/api/src/create-app';
import { TEST_AUTH_ENV } from '../support/credentials';

const main = async (dir: string): Promise<void> => {
  const app = await createApp({
    config: loadConfig({
      ...TEST_AUTH_ENV,
      CRM_DATA_DIR: dir,
      CRM_RUN_PROCESSES: 'true',
      CRM_DOCS: 'off',
      CRM_AUTOMATION_TIMER_POLL_MS: '20',
      CRM_WEBHOOK_ALLOWED_TARGETS: '127.0.0.1',
      CRM_WEBHOOK_BACKOFF_MS: '50',
      CRM_WEBHOOK_BACKOFF_MAX_MS: '200',
      CRM_WEBHOOK_MAX_ATTEMPTS: '100',
      CRM_RATE_LIMIT_PER_MINUTE: '1000000',
      CRM_RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
    }),
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`listening ${port}\n`);
};

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
