/**
 * A projection process for the crash test: projects the log in `<dir>` into the read store in
 * `<dir>`, printing a line per committed batch, until it has reached the head (or is killed).
 */
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
} from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { join } from 'node:path';

const main = async (dir: string): Promise<void> => {
  const events = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
  const documents = createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') });
  const serializer = createEventSerializer(createEventSchemaRegistry());
  const runner = new ProjectionRunner(events, documents, serializer, allProjections, {
    batchSize: 10,
    lingerMs: 0,
    onBatch: ({ position }) => process.stdout.write(`batch ${position}\n`),
  });
  await runner.runToHead();
  await documents.close();
  await events.close();
  process.stdout.write('done\n');
};

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
