import { loadConfig } from '@crm/application';
import { createSqliteEventStore, EventStore } from '@crm/event-store';
import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp } from '../../apps/api/src/create-app';

export type TestApp = {
  app: NestFastifyApplication;
  store: EventStore;
  documents: DocumentStore;
  /** supertest agent with the default tenant and actor headers set. */
  http: () => TestAgent;
  /** supertest agent with no headers at all. */
  bare: () => TestAgent;
  /** Global position of the last event in the log: unchanged means nothing was appended. */
  head: () => Promise<bigint>;
  close: () => Promise<void>;
};

export const TENANT = 'acme';
export const ACTOR = 'user-1';

/**
 * The whole API in-process on in-memory stores, as the end-to-end suites use it.
 * Process managers are off unless the suite turns them on, so nothing writes in the background
 * while a test checks that nothing was appended.
 */
export const startTestApp = async (
  env: NodeJS.ProcessEnv = {},
  documentStore?: DocumentStore,
): Promise<TestApp> => {
  const store = createSqliteEventStore({ path: ':memory:' });
  const config = loadConfig({ CRM_RUN_PROCESSES: 'false', ...env });
  const documents = documentStore ?? createEmbeddedDocumentStore({ path: ':memory:' });
  const app = await createApp({
    config,
    eventStore: store,
    documentStore: documents,
    logger: false,
  });
  const server = app.getHttpServer();
  return {
    app,
    store,
    documents,
    http: () => request.agent(server).set('x-tenant-id', TENANT).set('x-actor-id', ACTOR),
    bare: () => request.agent(server),
    head: () => store.headPosition(),
    close: () => app.close(),
  };
};
