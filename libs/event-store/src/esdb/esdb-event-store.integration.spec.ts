import { EventStoreDBClient } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { eventStoreContract } from '@crm/testing';
import { EventToAppend } from '../event-store';
import { createEsdbEventStore } from './esdb-event-store';

/*
 * The shared EventStore contract against a real EventStoreDB, named by
 * EVENTSTORE_CONNECTION_STRING (npm run test:integration starts one with testcontainers).
 * Without it the suite skips: there is no server here, and none is faked.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (!connectionString) {
  console.log(
    'SKIPPED eventstoredb event-store contract: EVENTSTORE_CONNECTION_STRING not set (no EventStoreDB server here; run npm run test:integration where Docker is available)',
  );
  describe.skip('EventStore contract: eventstoredb', () => {
    it('runs against the server named by EVENTSTORE_CONNECTION_STRING', () => undefined);
  });
} else {
  eventStoreContract('eventstoredb', async () => createEsdbEventStore({ connectionString }));

  const event = (type = 'EsdbTested.v1'): EventToAppend => ({
    id: randomUUID(),
    type,
    data: { at: Date.now() },
    metadata: {},
  });
  const uniqueStream = (label: string): string => `esdb_${label}-${randomUUID().replace(/-/g, '')}`;

  describe('EventStoreDB store', () => {
    it('leaves `$`-typed events out of readAll, but not out of readStream', async () => {
      const store = createEsdbEventStore({ connectionString });
      try {
        const stream = uniqueStream('system');
        const before = await store.headPosition();
        const [user, system] = [event(), event('$esdb-tested')];
        await store.appendToStream(stream, [user, system]);
        expect((await store.readStream(stream)).map((e) => e.id)).toEqual([user.id, system.id]);
        const own = [];
        for (let after = before; ;) {
          const page = await store.readAll({ after, maxCount: 100 });
          if (page.length === 0) break;
          own.push(...page.filter((e) => e.streamName === stream));
          after = page[page.length - 1].position;
        }
        expect(own.map((e) => e.id)).toEqual([user.id]);
      } finally {
        await store.close();
      }
    });

    it("does not dispose a caller's client on close", async () => {
      const client = EventStoreDBClient.connectionString(connectionString);
      try {
        const stream = uniqueStream('client');
        await createEsdbEventStore({ client }).close();
        const store = createEsdbEventStore({ client });
        await expect(store.appendToStream(stream, [event()])).resolves.toMatchObject({
          nextRevision: 0n,
        });
        await store.close();
      } finally {
        await client.dispose();
      }
    });

    it('treats a retried append of the same ids as a repeat, even when ids differ in case', async () => {
      const store = createEsdbEventStore({ connectionString });
      try {
        const stream = uniqueStream('case');
        const appended = { ...event(), id: randomUUID().toUpperCase() };
        const first = await store.appendToStream(stream, [appended], {
          expectedRevision: 'no_stream',
        });
        const again = await store.appendToStream(stream, [
          { ...appended, id: appended.id.toLowerCase() },
        ]);
        expect(again).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(1);
      } finally {
        await store.close();
      }
    });
  });
}
