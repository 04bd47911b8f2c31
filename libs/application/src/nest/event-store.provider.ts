import { createEsdbEventStore, createSqliteEventStore, EventStore } from '@crm/event-store';
import { join } from 'node:path';
import { AppConfig, requiredSetting } from '../config';
import { withEsdbScheme } from '../config/esdb-connection-string';

/** The event store chosen by configuration; the embedded SQLite file is the default. */
export const createConfiguredEventStore = (config: AppConfig): EventStore => {
  switch (config.CRM_EVENT_STORE) {
    case 'sqlite':
      return createSqliteEventStore({
        path: join(config.CRM_DATA_DIR, 'events.sqlite'),
        synchronous: config.CRM_SQLITE_SYNCHRONOUS,
      });
    case 'eventstoredb':
      return createEsdbEventStore({
        connectionString: withEsdbScheme(requiredSetting(config, 'EVENTSTORE_CONNECTION_STRING')),
      });
  }
};
