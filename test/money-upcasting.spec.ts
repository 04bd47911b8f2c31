import { eventUpcasters } from '@crm/application/event-upcasters';
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
} from '@crm/event-store';
import { dealsProjection, PARKED_COLLECTION, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { randomUUID } from 'node:crypto';

/** A v1 DealOpened as the log held it before money moved to minor units. */
const dealOpenedV1 = (dealId: string, amount: number) => ({
  id: randomUUID(),
  type: 'DealOpened.v1',
  data: {
    dealId,
    title: `Deal ${dealId}`,
    accountId: 'a-1',
    amount: { amount, currency: 'EUR' },
    pipelineId: 'p-1',
    stageId: 's-1',
    probability: 0.5,
    expectedCloseDate: '2026-06-30',
    ownerId: 'ann',
    openedAt: '2026-01-01T00:00:00.000Z',
  },
  metadata: { tenantId: 'acme' },
});

describe('a v1 amount on its way to minor units', () => {
  it('loads exactly when it is a whole number of cents, and is parked, not rounded, otherwise', async () => {
    const events = createSqliteEventStore({ path: ':memory:' });
    const documents = createEmbeddedDocumentStore({ path: ':memory:' });
    await events.appendToStream('deal-acme.d-1', [dealOpenedV1('d-1', 1234.56)]);
    const bad = dealOpenedV1('d-2', 10.005);
    await events.appendToStream('deal-acme.d-2', [bad]);
    const serializer = createEventSerializer(createEventSchemaRegistry(eventUpcasters));
    const runner = new ProjectionRunner(events, documents, serializer, [dealsProjection]);
    await runner.runToHead();

    const physical = (await documents.activeGeneration('deals')) ?? '';
    const deals = await documents.collection(physical).find({});
    expect(deals.map((deal) => [deal.dealId, deal.amount])).toEqual([
      ['d-1', { amountMinor: 123456, currency: 'EUR' }],
    ]);
    const parked = await documents.collection(PARKED_COLLECTION).find({ projection: 'deals' });
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ eventId: bad.id, eventType: 'DealOpened' });
    expect(String(parked[0].error)).toContain('10.005 EUR is not an exact amount in minor units');
    await events.close();
    await documents.close();
  });
});
