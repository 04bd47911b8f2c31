import {
  CampaignDocument,
  DealDocument,
  LeadDocument,
  leadFunnelProjection,
} from '@crm/projections';
import { Document, DocumentCollection, Filter } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { ReadScope } from '../views/read-scope';
import { readCollections } from '../views/read-model-collections';
import { createViewsWorld, TENANT, ViewsWorld } from '../views/views.test-kit';
import { campaignReport } from './campaign.report';
import { randomHistory } from './lead-funnel-history.test-kit';
import { leadFunnel, LeadFunnelGroupBy } from './lead-funnel.report';
import { LeadFunnelRows } from './lead-funnel-rows';
import { ReportQueries } from './report-queries';

const GROUPINGS: LeadFunnelGroupBy[] = ['source', 'campaign'];

/** The record-scanning funnel over the leads and deals the scope lets read: the oracle. */
const scanned = async (readModels: ReadModels) => {
  const collections = readCollections(readModels);
  const leads: LeadDocument[] = await (await collections.leads()).find({ tenantId: TENANT });
  const deals: DealDocument[] = await (await collections.deals()).find({ tenantId: TENANT });
  const campaigns: CampaignDocument[] = await (
    await collections.campaigns()
  ).find({
    tenantId: TENANT,
  });
  return {
    leads,
    deals,
    funnel: (groupBy: LeadFunnelGroupBy) => leadFunnel(leads, deals, { groupBy }),
    campaigns: () => campaignReport(campaigns, leads, deals),
  };
};

const expectSameAnswers = async (readModels: ReadModels): Promise<void> => {
  const oracle = await scanned(readModels);
  const reports = new ReportQueries(readModels);
  for (const groupBy of GROUPINGS)
    expect(await reports.leadFunnel(TENANT, { groupBy })).toEqual(oracle.funnel(groupBy));
  expect(await reports.campaignReport(TENANT)).toEqual(oracle.campaigns());
};

describe('lead funnel from the rows of lead-funnel', () => {
  let world: ViewsWorld;

  beforeAll(async () => {
    world = createViewsWorld();
    await randomHistory(world, 7);
  }, 60_000);
  afterAll(() => world.close());
  afterEach(() => jest.restoreAllMocks());

  it('the generated history has every step of the funnel, and won deals lost or reopened since', async () => {
    const { leads, deals, funnel } = await scanned(world.readModels);
    expect(new Set(leads.map((lead) => lead.status))).toEqual(
      new Set(['new', 'qualified', 'disqualified', 'converted']),
    );
    expect(deals.some((deal) => deal.reopenCount > 0)).toBe(true);
    const { total } = funnel('source');
    expect(total.won).toBeGreaterThan(0);
    expect(total.won).toBeLessThan(total.converted);
    const results = (await scanned(world.readModels)).campaigns();
    expect(results.map((row) => row.campaignId)).toEqual(['autumn', 'quiet', 'spring']);
    expect(results.some((row) => row.wonDeals > 0 && row.wonDeals < row.deals)).toBe(true);
    const dealIds = leads.flatMap((lead) => lead.conversion?.dealId ?? []);
    expect(new Set(dealIds).size).toBeLessThan(dealIds.length);
  });

  it('answers the funnel (by source, by campaign) and the campaign report as the scan does, from the rows', async () => {
    const rows = jest.spyOn(LeadFunnelRows.prototype, 'rows');
    const campaignWins = jest.spyOn(LeadFunnelRows.prototype, 'campaignWins');
    await expectSameAnswers(world.readModels);
    expect(rows).toHaveBeenCalledTimes(GROUPINGS.length);
    expect(campaignWins).toHaveBeenCalledTimes(1);
  });

  it('scans the leads and deals for a caller with a row rule on either', async () => {
    const rows = jest.spyOn(LeadFunnelRows.prototype, 'rows');
    const campaignLeads = jest.spyOn(LeadFunnelRows.prototype, 'campaignLeads');
    const scopes: ReadScope[] = [
      { filters: { lead: { ownerId: 'ann' } } },
      { filters: { deal: { ownerId: 'user-1' } } },
    ];
    for (const scope of scopes) {
      const scoped = world.readModels.within(scope);
      expect(await new LeadFunnelRows(scoped).answerable()).toBe(false);
      await expectSameAnswers(scoped);
    }
    expect(rows).not.toHaveBeenCalled();
    expect(campaignLeads).not.toHaveBeenCalled();
    const annOnly = await new ReportQueries(world.readModels.within(scopes[0])).leadFunnel(TENANT, {
      groupBy: 'source',
    });
    const all = await new ReportQueries(world.readModels).leadFunnel(TENANT, { groupBy: 'source' });
    expect(annOnly.total.captured).toBeLessThan(all.total.captured);
  });

  it('reads as of a past moment from the history, not the rows', async () => {
    const rows = jest.spyOn(LeadFunnelRows.prototype, 'rows');
    const past = world.readModels.asOf(new Date('2026-02-01T00:00:00.000Z'));
    expect(await new LeadFunnelRows(past).answerable()).toBe(false);
    await expectSameAnswers(past);
    expect(rows).not.toHaveBeenCalled();
  });

  it('reads the rows by equality on a declared index, so every store answers from it', async () => {
    const filters: Filter[] = [];
    const readModels = world.readModels;
    const collection = readModels.collection.bind(readModels);
    jest
      .spyOn(readModels, 'collection')
      .mockImplementation(async <T extends Document>(name: string) => {
        const found = await collection<T>(name);
        if (name !== leadFunnelProjection.name) return found;
        const recorded: DocumentCollection<T> = {
          ...found,
          find: (filter, options) => {
            filters.push(filter);
            return found.find(filter, options);
          },
        };
        return recorded;
      });
    await expectSameAnswers(readModels);
    expect(filters).toHaveLength(GROUPINGS.length + 2);
    for (const filter of filters) {
      const fields = Object.keys(filter);
      const index = leadFunnelProjection.indexes.find(({ fields: indexed }) =>
        indexed.slice(0, fields.length).every((field) => fields.includes(field)),
      );
      expect(index).toBeDefined();
      expect(Object.values(filter).every((value) => typeof value === 'string')).toBe(true);
    }
  });
});
