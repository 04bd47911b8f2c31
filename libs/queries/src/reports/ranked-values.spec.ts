import { createEmbeddedDocumentStore, Document, DocumentStore } from '@crm/read-store';
import { rankedMedian, rankedNearestPercentile, RankedValues } from './ranked-values';
import { median, nearestRankPercentile } from './statistics';

type Row = Document & { tenantId: string; won: boolean; ms?: number };

describe('ranked values on the embedded store', () => {
  let store: DocumentStore;

  beforeEach(async () => {
    store = createEmbeddedDocumentStore({ path: ':memory:' });
    await store.ensureIndexes('rows', [{ fields: ['tenantId', 'won', 'ms'] }]);
    // Half the documents have no value at all, as open deals have no sales cycle.
    const documents: Row[] = Array.from({ length: 400 }, (_, i) =>
      i % 2 === 0
        ? { _id: `r${i}`, tenantId: 't1', won: true, ms: (i * 7919) % 1000 }
        : { _id: `r${i}`, tenantId: 't1', won: false },
    );
    await store.commit({
      writes: documents.map((document) => ({
        collection: 'rows',
        op: 'upsert' as const,
        document,
      })),
      checkpoints: [],
      position: 1n,
    });
  });
  afterEach(() => store.close());

  const values = (count: number): RankedValues => ({
    collection: store.collection<Document>('rows'),
    filter: { tenantId: 't1', won: true },
    field: 'ms',
    count,
    toValue: (ms) => ms,
  });

  it('answers as the statistics over every value do, reading the ranks only', async () => {
    const all = Array.from({ length: 200 }, (_, i) => (i * 2 * 7919) % 1000);
    const parse = jest.spyOn(JSON, 'parse');
    try {
      await expect(rankedMedian(values(200))).resolves.toBe(median(all));
      await expect(rankedNearestPercentile(values(200), 90)).resolves.toBe(
        nearestRankPercentile(all, 90),
      );
      // A median of an even count reads two documents, the percentile one.
      expect(parse.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      parse.mockRestore();
    }
  });
});
