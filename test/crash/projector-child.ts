/**
 * A projection process for the crash test: projects the log in `<dir>` into the read store in
 * `<dir>` (or, given `<mongodb uri> <database>`, into that MongoDB database, without
 * transactions), printing a line per committed batch, until it has reached the head (or is
 * killed).
 */
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
} from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { createMongoDocumentStore } from '@crm/read-store/mongodb/mongo-document-store';
import { MongoClient } from 'mongodb';
import { join } from 'node:path';

const openReadStore = async (
  dir: string,
  uri: string | undefined,
  databaseName: string | undefined,
): Promise<{ documents: DocumentStore; close(): Promise<void> }> => {
  if (!uri || !databaseName) {
    const documents = createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') });
    return { documents, close: () => documents.close() };
  }
  const client = await new MongoClient(uri).connect();
  const documents = createMongoDocumentStore({ client, databaseName, transactions: 'never' });
  return { documents, close: () => client.close() };
};

const main = async (dir: string, uri?: string, databaseName?: string): Promise<void> => {
  const events = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
  const readStore = await openReadStore(dir, uri, databaseName);
  const { documents } = readStore;
  const serializer = createEventSerializer(createEventSchemaRegistry());
  const runner = new ProjectionRunner(events, documents, serializer, allProjections, {
    batchSize: 10,
    lingerMs: 0,
    onBatch: ({ position }) => process.stdout.write(`batch ${position}\n`),
  });
  await runner.runToHead();
  await readStore.close();
  await events.close();
  process.stdout.write('done\n');
};

main(process.argv[2], process.argv[3], process.argv[4]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
