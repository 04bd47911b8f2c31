import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { join } from 'node:path';
import { AppConfig } from '../config';

/** The document store chosen by configuration; the embedded file store is the default. */
export const createConfiguredDocumentStore = (config: AppConfig): DocumentStore => {
  switch (config.CRM_READ_STORE) {
    case 'embedded':
      return createEmbeddedDocumentStore({ path: join(config.CRM_DATA_DIR, 'readmodels.sqlite') });
  }
};
