import { createSqliteEventStore, EventStore } from '@crm/event-store';
import { join } from 'node:path';
import { AppConfig, requiredSetting } from '../config';
import { withEsdbScheme } from '../config/esdb-connection-string';
import { redactCredentials } from '../config/redact-credentials';
import { reasonOf, StartupError } from '../startup/startup-error';
import { ensureWritableDataDir } from '../startup/writable-data-dir';

/** How long start-up waits for EventStoreDB to answer before giving up. */
const REACH_TIMEOUT_MS = 10_000;

/**
 * The event store chosen by configuration; the embedded SQLite file is the default. The
 * EventStoreDB adapter (and its gRPC client) is loaded only when chosen.
 */
export const createConfiguredEventStore = async (config: AppConfig): Promise<EventStore> => {
  switch (config.CRM_EVENT_STORE) {
    case 'sqlite':
      ensureWritableDataDir(config.CRM_DATA_DIR);
      return createSqliteEventStore({
        path: join(config.CRM_DATA_DIR, 'events.sqlite'),
        synchronous: config.CRM_SQLITE_SYNCHRONOUS,
      });
    case 'eventstoredb': {
      const { createEsdbEventStore } = await import('@crm/event-store/esdb/esdb-event-store');
      return createEsdbEventStore({
        connectionString: withEsdbScheme(requiredSetting(config, 'EVENTSTORE_CONNECTION_STRING')),
      });
    }
  }
};

/**
 * As createConfiguredEventStore, with EventStoreDB reached before it answers, so an unreachable
 * server stops the start-up with a line naming EVENTSTORE_CONNECTION_STRING.
 */
export const openConfiguredEventStore = async (config: AppConfig): Promise<EventStore> => {
  const store = await createConfiguredEventStore(config);
  if (config.CRM_EVENT_STORE !== 'eventstoredb') return store;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store.headPosition(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${REACH_TIMEOUT_MS} ms`)),
          REACH_TIMEOUT_MS,
        );
      }),
    ]);
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    const shown = redactCredentials(requiredSetting(config, 'EVENTSTORE_CONNECTION_STRING'));
    throw new StartupError(
      `EVENTSTORE_CONNECTION_STRING=${JSON.stringify(shown)}: EventStoreDB is not reachable ` +
        `(${reasonOf(error)}); start it or correct EVENTSTORE_CONNECTION_STRING`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
};
