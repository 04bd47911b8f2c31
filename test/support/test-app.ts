import { loadConfig } from '@crm/application';
import { createSqliteEventStore, EventStore } from '@crm/event-store';
import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { openConfiguredDocumentStore } from '@crm/application/read-side/document-store.provider';
import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp } from '../../apps/api/src/create-app';
import { mintToken, TEST_AUTH_ENV } from './credentials';

export type TestApp = {
  app: NestFastifyApplication;
  store: EventStore;
  documents: DocumentStore;
  /** supertest agent authenticated as an admin of the default tenant (a JWT for ACTOR). */
  http: () => TestAgent;
  /** supertest agent authenticated as `subject` (default ACTOR) of `tenant` with these roles. */
  as: (tenant: string, options?: { subject?: string; roles?: string[] }) => TestAgent;
  /** supertest agent with no credential and no headers at all. */
  bare: () => TestAgent;
  /** Global position of the last event in the log: unchanged means nothing was appended. */
  head: () => Promise<bigint>;
  close: () => Promise<void>;
};

export const TENANT = 'acme';
export const TEST_SECRETS_KEY = '0f'.repeat(32);
export const ACTOR = 'user-1';

/**
 * The read store the end-to-end suites run on: in memory, or, when CRM_TEST_READ_STORE=mongodb
 * (the FerretDB step of `npm test` sets it, with MONGODB_URI), the MongoDB adapter on a database
 * of this app's own, chosen by configuration as production chooses it.
 */
const testReadStoreSettings = (): NodeJS.ProcessEnv =>
  process.env.CRM_TEST_READ_STORE === 'mongodb'
    ? {
        CRM_READ_STORE: 'mongodb',
        MONGODB_URI: process.env.MONGODB_URI,
        MONGODB_DATABASE: `crm_e2e_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
        CRM_MONGODB_TRANSACTIONS: process.env.CRM_MONGODB_TRANSACTIONS ?? 'auto',
      }
    : {};

/**
 * The whole API in-process on in-memory stores, as the end-to-end suites use it.
 * Process managers are off unless the suite turns them on, so nothing writes in the background
 * while a test checks that nothing was appended.
 */
export const startTestApp = async (
  env: NodeJS.ProcessEnv = {},
  documentStore?: DocumentStore,
  clock?: () => Date,
): Promise<TestApp> => {
  const store = createSqliteEventStore({ path: ':memory:' });
  // A suite that brings its own document store keeps it; otherwise the run's read store.
  const config = loadConfig({
    CRM_RUN_PROCESSES: 'false',
    // Suites fire hundreds of requests as one principal; the rate limit suite sets its own.
    CRM_RATE_LIMIT_PER_MINUTE: '1000000',
    CRM_RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
    ...TEST_AUTH_ENV,
    // Webhook secrets are sealed with it, so no key file is written beside the suites.
    CRM_SECRETS_KEY: TEST_SECRETS_KEY,
    ...(documentStore ? {} : testReadStoreSettings()),
    ...env,
  });
  // The app closes it on shutdown (with its MongoDB client, when it has one).
  const documents =
    documentStore ??
    (config.CRM_READ_STORE === 'mongodb'
      ? await openConfiguredDocumentStore(config)
      : createEmbeddedDocumentStore({ path: ':memory:' }));
  const app = await createApp({
    config,
    eventStore: store,
    documentStore: documents,
    logger: false,
    clock,
  });
  const server = app.getHttpServer();
  const as = (tenant: string, options: { subject?: string; roles?: string[] } = {}) =>
    request
      .agent(server)
      .set(
        'authorization',
        `Bearer ${mintToken({ sub: options.subject ?? ACTOR, tenant, roles: options.roles ?? ['admin'] })}`,
      );
  return {
    app,
    store,
    documents,
    http: () => as(TENANT).set('x-tenant-id', TENANT),
    as,
    bare: () => request.agent(server),
    head: () => store.headPosition(),
    close: () => app.close(),
  };
};
