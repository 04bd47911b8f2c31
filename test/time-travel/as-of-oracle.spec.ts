import {
  account360,
  contact360,
  ReadModels,
  RecordViews,
  ReportQueries,
  dealDetail,
} from '@crm/queries';
import { allProjections, replayUntil } from '@crm/projections';
import { Document, DocumentStore } from '@crm/read-store';
import { demoHistory, DemoHistory } from './demo-history';

const TENANT = 'north';

/** Every report, as the controllers ask for it, at `now`. */
const everyReport = async (reports: ReportQueries, pipelineIds: string[], now: Date) => ({
  leadFunnelBySource: await reports.leadFunnel(TENANT, { groupBy: 'source' }),
  leadFunnelByCampaign: await reports.leadFunnel(TENANT, { groupBy: 'campaign' }),
  winRate: await reports.winRate(TENANT),
  salesCycle: await reports.salesCycle(TENANT),
  stageConversion: await Promise.all(pipelineIds.map((id) => reports.stageConversion(TENANT, id))),
  revenueByMonth: await reports.revenueByMonth(TENANT),
  forecast: await reports.forecast(TENANT),
  tickets: await reports.ticketReport(TENANT, { now }),
  campaigns: await reports.campaignReport(TENANT),
});

/** Ids of some records of `collection` (from the live read models), spread over the list. */
const someIds = async (
  readModels: ReadModels,
  collection: string,
  field: string,
  count: number,
): Promise<string[]> => {
  const all = await (await readModels.collection<Document>(collection)).find({ tenantId: TENANT });
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, index) => index % step === 0).map((document) => String(document[field]));
};

/**
 * The oracle: for several moments, every asOf answer read from the kept history equals what the
 * live code answers over the log replayed up to that moment (every tenant's events, the old way).
 */
describe('asOf from the read models history equals a replay of the log', () => {
  let history: DemoHistory;
  let live: ReadModels;
  const moments: Date[] = [];

  beforeAll(async () => {
    history = await demoHistory([
      {
        tenantId: TENANT,
        seed: 7,
        accounts: 6,
        contactsPerAccount: 2,
        leads: 30,
        dealsPerAccount: 2,
        interactionsPerContact: 2,
        tickets: 12,
        campaigns: 2,
        tasks: 15,
        days: 60,
      },
      { tenantId: 'south', seed: 8, accounts: 3, leads: 10, tickets: 5, days: 60 },
    ]);
    live = new ReadModels(history.documents);
    const times = history.recordedAt.map((date) => date.getTime()).sort((a, b) => a - b);
    const at = (share: number) => times[Math.floor((times.length - 1) * share)];
    moments.push(
      new Date(times[0] - 1),
      new Date(at(0.25)),
      new Date(at(0.5) + 1),
      new Date(at(0.9)),
      new Date(times[times.length - 1] + 1),
    );
  }, 120_000);
  afterAll(() => history.close());

  const withReplay = async <T>(moment: Date, read: (replayed: ReadModels) => Promise<T>) => {
    const store: DocumentStore = await replayUntil(
      history.events,
      history.serializer,
      allProjections,
      moment,
    );
    try {
      return await read(new ReadModels(store));
    } finally {
      await store.close();
    }
  };

  it('answers every report, 360, deal detail and record as the replay does', async () => {
    const contactIds = await someIds(live, 'contacts', 'contactId', 5);
    const accountIds = await someIds(live, 'accounts', 'accountId', 4);
    const dealIds = await someIds(live, 'deals', 'dealId', 4);
    const pipelineIds = await someIds(live, 'pipelines', 'pipelineId', 2);
    const answers = async (readModels: ReadModels, now: Date) => ({
      reports: await everyReport(new ReportQueries(readModels), pipelineIds, now),
      contacts: await Promise.all(contactIds.map((id) => contact360(readModels, TENANT, id, now))),
      accounts: await Promise.all(accountIds.map((id) => account360(readModels, TENANT, id, now))),
      deals: await Promise.all(dealIds.map((id) => dealDetail(readModels, TENANT, id, now))),
      records: await Promise.all(
        contactIds.map((id) => new RecordViews(readModels).get('contact', TENANT, id)),
      ),
    });
    let existing = 0;
    for (const moment of moments) {
      const asOf = await answers(live.asOf(moment), moment);
      const replayed = await withReplay(moment, (readModels) => answers(readModels, moment));
      expect({ moment, ...asOf }).toEqual({ moment, ...replayed });
      existing += asOf.contacts.filter((view) => view !== null).length;
    }
    // The moments see records come and go: none exist before the first event, some later.
    expect(existing).toBeGreaterThan(0);
  }, 120_000);
});
