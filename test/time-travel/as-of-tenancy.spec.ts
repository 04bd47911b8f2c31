import { HISTORY_SUFFIX } from '@crm/projections';
import { account360, contact360, ReadModels, ReportQueries } from '@crm/queries';
import {
  createEmbeddedDocumentStore,
  Document,
  DocumentCollection,
  DocumentStore,
  Filter,
} from '@crm/read-store';
import { demoHistory, DemoHistory } from './demo-history';

type Read = { collection: string; filter?: Filter; ids?: readonly string[]; found: Document[] };

/** A document store that records every read of a history collection and what it returned. */
const recordingReads = (inner: DocumentStore, reads: Read[]): DocumentStore =>
  Object.assign(Object.create(inner) as DocumentStore, {
    collection: <T extends Document>(name: string): DocumentCollection<T> => {
      const collection = inner.collection<T>(name);
      if (!name.endsWith(HISTORY_SUFFIX)) return collection;
      const seen = (read: Omit<Read, 'found'>, found: Document[]): void => {
        reads.push({ ...read, found });
      };
      return {
        get: async (id) => {
          const found = await collection.get(id);
          seen({ collection: name, ids: [id] }, found ? [found] : []);
          return found;
        },
        getMany: async (ids) => {
          const found = await collection.getMany(ids);
          seen({ collection: name, ids }, [...found.values()]);
          return found;
        },
        find: async (filter, options) => {
          const found = await collection.find(filter, options);
          seen({ collection: name, filter }, found);
          return found;
        },
        count: async (filter) => {
          seen({ collection: name, filter }, []);
          return collection.count(filter);
        },
      };
    },
  });

/** The ids or tenant a read is bounded to, as the index sees it (top-level conditions). */
const boundOf = (read: Read): string[] => {
  if (read.ids) return [...read.ids];
  const filter = read.filter ?? {};
  if (typeof filter.tenantId === 'string') return [`${filter.tenantId}:`];
  const ids = filter._docId;
  if (typeof ids === 'string') return [ids];
  const listed = (ids as { $in?: unknown } | undefined)?.$in;
  return Array.isArray(listed) ? listed.map(String) : ['(unbounded)'];
};

describe("asOf reads only the tenant's own history", () => {
  let history: DemoHistory;
  const reads: Read[] = [];

  beforeAll(async () => {
    history = await demoHistory(
      [
        {
          tenantId: 'north',
          seed: 3,
          accounts: 3,
          contactsPerAccount: 2,
          leads: 10,
          tickets: 5,
          days: 20,
        },
        {
          tenantId: 'south',
          seed: 4,
          accounts: 3,
          contactsPerAccount: 2,
          leads: 10,
          tickets: 5,
          days: 20,
        },
      ],
      recordingReads(createEmbeddedDocumentStore({ path: ':memory:' }), reads),
    );
  }, 120_000);
  afterAll(() => history.close());

  it("bounds every read of a 360 or a report asOf to the tenant's documents by index", async () => {
    const live = new ReadModels(history.documents);
    const contacts = await (
      await live.collection<Document>('contacts')
    ).find({ tenantId: 'north' });
    const accounts = await (
      await live.collection<Document>('accounts')
    ).find({ tenantId: 'north' });
    const end = history.recordedAt[history.recordedAt.length - 1];
    reads.length = 0;

    const past = live.asOf(end);
    const reports = new ReportQueries(past);
    const contact = await contact360(past, 'north', String(contacts[0].contactId), end);
    const account = await account360(past, 'north', String(accounts[0].accountId), end);
    await reports.leadFunnel('north', { groupBy: 'source' });
    await reports.winRate('north');
    await reports.forecast('north');
    await reports.ticketReport('north', { now: end });
    await reports.campaignReport('north');

    expect(contact).not.toBeNull();
    expect(account).not.toBeNull();
    expect(reads.length).toBeGreaterThan(10);
    const outside = reads.filter((read) =>
      boundOf(read).some((bound) => !bound.startsWith('north:')),
    );
    expect(outside).toEqual([]);
    const foreign = reads
      .flatMap((read) => read.found)
      .filter((document) => document.tenantId !== 'north');
    expect(foreign).toEqual([]);
  });
});
