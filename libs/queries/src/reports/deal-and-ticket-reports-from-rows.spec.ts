import { DealDocument, PipelineDocument, TicketDocument } from '@crm/projections';
import { Document, DocumentCollection } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { readCollections } from '../views/read-model-collections';
import { createViewsWorld, OTHER_TENANT, TENANT, ViewsWorld } from '../views/views.test-kit';
import { dealAndTicketHistory, PIPELINE, QUALIFICATION } from './deal-and-ticket-history.test-kit';
import { ReportQueries } from './report-queries';
import { salesCycle } from './sales-cycle.report';
import { stageConversion } from './stage-conversion.report';
import { ticketReport } from './ticket.report';

const TENANTS = [TENANT, OTHER_TENANT];
/** Moments within and after the history: pending targets breach as `now` moves on. */
const NOWS = ['2026-01-12T00:00:00.000Z', '2026-04-15T12:00:00.000Z', '2027-01-01T00:00:00.000Z'];

/** The record-scanning reports over the deals and tickets the read models show: the oracle. */
const scanned = async (readModels: ReadModels, tenantId: string) => {
  const collections = readCollections(readModels);
  const deals: DealDocument[] = await (await collections.deals()).find({ tenantId });
  const tickets: TicketDocument[] = await (await collections.tickets()).find({ tenantId });
  const pipelines: PipelineDocument[] = await (await collections.pipelines()).find({ tenantId });
  const pipeline = pipelines.find((candidate) => candidate.pipelineId === PIPELINE);
  return {
    deals,
    tickets,
    pipeline,
    salesCycle: () => salesCycle(deals.filter((deal) => deal.status === 'won')),
    ticketReport: (now: Date) => ticketReport(tickets, { now }),
    stageConversion: () => (pipeline === undefined ? undefined : stageConversion(deals, pipeline)),
  };
};

const expectSameAnswers = async (readModels: ReadModels): Promise<void> => {
  const reports = new ReportQueries(readModels);
  for (const tenantId of TENANTS) {
    const oracle = await scanned(readModels, tenantId);
    expect(await reports.salesCycle(tenantId)).toEqual(oracle.salesCycle());
    for (const now of NOWS) {
      const options = { now: new Date(now) };
      expect(await reports.ticketReport(tenantId, options)).toEqual(
        oracle.ticketReport(options.now),
      );
    }
    expect(await reports.stageConversion(tenantId, PIPELINE)).toEqual(oracle.stageConversion());
    expect(await reports.stageConversion(tenantId, 'no-such-pipeline')).toBeUndefined();
  }
};

/** The logical collections the reports read while `run` runs, and each find's options. */
const collectionsRead = async (readModels: ReadModels, run: () => Promise<unknown>) => {
  const names: string[] = [];
  const collection = readModels.collection.bind(readModels);
  const spy = jest
    .spyOn(readModels, 'collection')
    .mockImplementation(async <T extends Document>(name: string) => {
      names.push(name);
      return collection<T>(name) as Promise<DocumentCollection<T>>;
    });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return new Set(names);
};

describe('sales cycle, tickets and stage conversion from rows and ranked indexes', () => {
  let world: ViewsWorld;

  beforeAll(async () => {
    world = createViewsWorld();
    await dealAndTicketHistory(world, TENANT, 3);
    await dealAndTicketHistory(world, OTHER_TENANT, 8);
  }, 120_000);
  afterAll(() => world.close());
  afterEach(() => jest.restoreAllMocks());

  it('the generated history has what the reports distinguish', async () => {
    for (const tenantId of TENANTS) {
      const {
        deals,
        tickets,
        pipeline,
        salesCycle: cycle,
        ticketReport: ticketsAt,
        stageConversion: conversion,
      } = await scanned(world.readModels, tenantId);
      expect(new Set(deals.map((deal) => deal.status))).toEqual(new Set(['open', 'won', 'lost']));
      expect(deals.some((deal) => deal.reopenCount > 0 && deal.status === 'won')).toBe(true);
      expect(cycle().byMonth.length).toBeGreaterThanOrEqual(3);
      expect(cycle().byMonth.some((month) => month.count % 2 === 0)).toBe(true);
      expect(cycle().byMonth.some((month) => month.count % 2 === 1 && month.count > 1)).toBe(true);
      expect(new Set(tickets.map((ticket) => ticket.status))).toEqual(
        new Set(['open', 'resolved', 'closed']),
      );
      expect(tickets.some((ticket) => ticket.reopenCount > 0)).toBe(true);
      expect(tickets.some((ticket) => ticket.firstResponseAt === undefined)).toBe(true);
      const [early, late] = [NOWS[0], NOWS[2]].map((now) => ticketsAt(new Date(now)).slaBreaches);
      expect(late.resolution).toBeGreaterThan(early.resolution);
      const stages = conversion()?.stages ?? [];
      expect(stages.filter((stage) => stage.removed).map((stage) => stage.stageId)).toEqual([
        QUALIFICATION.stageId,
      ]);
      expect(stages.some((stage) => stage.advanced > 0 && stage.advanced < stage.entered)).toBe(
        true,
      );
      expect(pipeline?.removedStages.map((stage) => stage.stageId)).toEqual([
        QUALIFICATION.stageId,
      ]);
      expect(
        deals.some((deal) =>
          deal.stageHistory.some((visit) => visit.stageId === QUALIFICATION.stageId),
        ),
      ).toBe(true);
    }
    const [acme, globex] = await Promise.all(
      TENANTS.map(async (tenantId) => (await scanned(world.readModels, tenantId)).salesCycle()),
    );
    expect(acme).not.toEqual(globex);
  });

  it('answers as the record scan does, for both tenants, without reading the deals or tickets', async () => {
    const read = await collectionsRead(world.readModels, () => expectSameAnswers(world.readModels));
    const reports = new ReportQueries(world.readModels);
    const rowsRead = await collectionsRead(world.readModels, async () => {
      await reports.salesCycle(TENANT);
      await reports.ticketReport(TENANT, { now: new Date(NOWS[1]) });
      await reports.stageConversion(TENANT, PIPELINE);
    });
    expect(read.has('deals')).toBe(true); // the oracle's
    expect(rowsRead).toEqual(
      new Set(['deal-figures', 'deal-cycles', 'ticket-figures', 'ticket-times', 'pipelines']),
    );
  });

  it('scans the records for a caller with a row rule, and as of a past moment', async () => {
    const scoped = world.readModels.within({
      filters: { deal: { ownerId: 'ann' }, ticket: { priority: 'high' } },
    });
    const past = world.readModels.asOf(new Date('2026-03-01T00:00:00.000Z'));
    for (const readModels of [scoped, past]) {
      const read = await collectionsRead(readModels, () => expectSameAnswers(readModels));
      expect(read.has('deal-cycles')).toBe(false);
      expect(read.has('ticket-times')).toBe(false);
    }
    const all = await new ReportQueries(world.readModels).ticketReport(TENANT);
    const high = await new ReportQueries(scoped).ticketReport(TENANT);
    expect(high.backlogByPriority.low).toBe(0);
    expect(all.resolutionMinutes.count).toBeGreaterThan(high.resolutionMinutes.count);
  });
});
