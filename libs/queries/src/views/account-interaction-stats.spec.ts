import { InteractionChannel, InteractionDocument, interactionsProjection } from '@crm/projections';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import fc from 'fast-check';
import { accountInteractionStats } from './account-interaction-stats';

const TENANT = 'acme';
const ACCOUNT = 'acc-1';
const CONTACTS = ['c-1', 'c-2', 'c-3'];
const CHANNELS: InteractionChannel[] = ['call', 'email', 'meeting', 'note'];
const NOW = new Date('2026-06-01T00:00:00.000Z');

type Logged = {
  contactId: string;
  accountId: string | undefined;
  channel: InteractionChannel;
  hour: number;
};

const documentOf = (logged: Logged, i: number): InteractionDocument =>
  ({
    _id: `${TENANT}:i-${i}`,
    tenantId: TENANT,
    interactionId: `i-${i}`,
    contactId: logged.contactId,
    ...(logged.accountId !== undefined && { accountId: logged.accountId }),
    channel: logged.channel,
    // Distinct times (the hour, then the index as minutes), some after NOW.
    occurredAt: new Date(
      Date.UTC(2026, 4, 1, logged.hour, i % 60, Math.floor(i / 60)),
    ).toISOString(),
    excerpt: 'x',
  }) as InteractionDocument;

/** The same stats worked out over every interaction, one by one. */
const scanned = (documents: readonly InteractionDocument[], contactIds: readonly string[]) => {
  const union = documents.filter(
    (document) => document.accountId === ACCOUNT || contactIds.includes(document.contactId),
  );
  const counts = Object.fromEntries(
    CHANNELS.map((channel) => [channel, union.filter((d) => d.channel === channel).length]),
  );
  const happened = union
    .filter((document) => document.occurredAt <= NOW.toISOString())
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return {
    counts: { ...counts, total: union.length },
    lastInteractionId: happened[0]?.interactionId ?? null,
  };
};

describe('accountInteractionStats', () => {
  it('counts the account and its contacts each once, and finds the latest, as a scan does', async () => {
    const logged = fc.record({
      contactId: fc.constantFrom(...CONTACTS, 'c-elsewhere'),
      accountId: fc.constantFrom(ACCOUNT, 'acc-2', undefined),
      channel: fc.constantFrom(...CHANNELS),
      hour: fc.integer({ min: 0, max: 24 * 60 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(logged, { maxLength: 60 }),
        fc.subarray(CONTACTS),
        async (interactions, contactIds) => {
          const store = createEmbeddedDocumentStore({ path: ':memory:' });
          try {
            await store.ensureIndexes('interactions', interactionsProjection.indexes);
            const documents = interactions.map(documentOf);
            await store.commit({
              writes: documents.map((document) => ({
                collection: 'interactions',
                op: 'upsert' as const,
                document,
              })),
              checkpoints: [],
              position: 1n,
            });
            const stats = await accountInteractionStats(
              store.collection<InteractionDocument>('interactions'),
              TENANT,
              ACCOUNT,
              contactIds,
              NOW,
            );
            expect({
              counts: stats.counts,
              lastInteractionId: stats.lastInteraction?.interactionId ?? null,
            }).toEqual(scanned(documents, contactIds));
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 40, seed: 10 },
    );
  });
});
