import { createEmbeddedDocumentStore, Document, DocumentStore } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { ReportQueries } from './report-queries';
import {
  aCampaign,
  aConvertedLead,
  aDeal,
  aLead,
  aLostDeal,
  aPipeline,
  aTicket,
  aWonDeal,
  eur,
  TENANT,
} from './reports.test-kit';

const OTHER = 'globex';

/** The same document, moved to another tenant. */
const ofOther = <T extends Document>(document: T): T => ({
  ...document,
  _id: document._id.replace(`${TENANT}:`, `${OTHER}:`),
  tenantId: OTHER,
});

/** Reads through ReadModels over a real (in-memory) store: every query is scoped to one tenant. */
describe('ReportQueries', () => {
  let store: DocumentStore;
  let reports: ReportQueries;

  const deals = [
    aWonDeal('d1', '2026-01-10T00:00:00.000Z', { amount: eur(1000), ownerId: 'ann' }),
    aLostDeal('d2', '2026-01-12T00:00:00.000Z', { ownerId: 'ann' }),
    aDeal('d3', { expectedCloseDate: '2026-03-05', amount: eur(400), probability: 0.5 }),
  ];
  const fill = async (logicalName: string, documents: Document[]): Promise<void> => {
    const physical = `${logicalName}@test`;
    await store.commit({
      writes: documents.map((document) => ({ collection: physical, op: 'upsert', document })),
      checkpoints: [],
      position: 1n,
    });
    await store.switchGeneration(logicalName, physical);
  };
  const withOther = <T extends Document>(documents: T[]): T[] => [
    ...documents,
    ...documents.map(ofOther),
  ];

  beforeAll(async () => {
    store = createEmbeddedDocumentStore({ path: ':memory:' });
    await fill('deals', withOther(deals));
    await fill('leads', withOther([aConvertedLead('l1', 'd1', { campaignId: 'c1' }), aLead('l2')]));
    await fill('pipelines', [
      ofOther(aPipeline({ pipelineId: 'other-only', _id: `${TENANT}:other-only` })),
      aPipeline(),
    ]);
    await fill('tickets', withOther([aTicket('t1', 'high', '2026-03-01T08:00:00.000Z')]));
    await fill('campaigns', withOther([aCampaign('c1', { budget: eur(300) })]));
    reports = new ReportQueries(new ReadModels(store));
  });
  afterAll(() => store.close());

  it('reads deal reports from the tenant’s deals only', async () => {
    expect(await reports.revenueByMonth(TENANT)).toEqual([
      { month: '2026-01', currency: 'EUR', revenue: 1000, deals: 1 },
    ]);
    expect(await reports.winRate(TENANT)).toEqual({
      rows: [
        {
          ownerId: 'ann',
          month: '2026-01',
          won: 1,
          lost: 1,
          winRate: 0.5,
          averageWonAmount: [{ amount: 1000, currency: 'EUR' }],
        },
      ],
      owners: [
        {
          ownerId: 'ann',
          won: 1,
          lost: 1,
          winRate: 0.5,
          averageWonAmount: [{ amount: 1000, currency: 'EUR' }],
        },
      ],
    });
    // d1 opened 2026-01-01T00:00Z, won 2026-01-10T00:00Z: 9 days
    expect((await reports.salesCycle(TENANT)).overall).toEqual({
      count: 1,
      average: 9,
      median: 9,
      p90: 9,
    });
    // d3: 400 × 0.1, the probability its stage (discovery) has now, not the 0.5 it entered with
    expect(await reports.forecast(TENANT)).toEqual([
      { month: '2026-03', currency: 'EUR', deals: 1, pipelineAmount: 400, weightedAmount: 40 },
    ]);
  });

  it('reads one pipeline of the tenant, none of another tenant', async () => {
    const report = await reports.stageConversion(TENANT, 'sales');
    // d1 d2 d3 all entered discovery only; d1 won
    expect(report?.stages[0]).toMatchObject({
      stageId: 'discovery',
      entered: 3,
      advanced: 1,
      lost: 1,
      stillOpen: 1,
    });
    expect(await reports.stageConversion(TENANT, 'other-only')).toBeUndefined();
    expect(await reports.stageConversion(TENANT, 'missing')).toBeUndefined();
  });

  it('reads leads, tickets and campaigns of the tenant', async () => {
    expect((await reports.leadFunnel(TENANT, { groupBy: 'source' })).total).toMatchObject({
      captured: 2,
      converted: 1,
      won: 1,
    });
    const tickets = await reports.ticketReport(TENANT, { now: new Date('2026-03-01T09:00:00Z') });
    expect(tickets.backlogByPriority).toEqual({ low: 0, normal: 0, high: 1, urgent: 0 });
    expect(await reports.campaignReport(TENANT)).toMatchObject([
      // 300 / 1 lead
      {
        campaignId: 'c1',
        leads: 1,
        deals: 1,
        wonDeals: 1,
        revenue: [{ amount: 1000, currency: 'EUR' }],
        costPerLead: { amount: 300, currency: 'EUR' },
      },
    ]);
  });

  it('reads as empty for a tenant without documents', async () => {
    expect(await reports.revenueByMonth('nobody')).toEqual([]);
    expect(await reports.campaignReport('nobody')).toEqual([]);
  });
});
