import { Random } from '@crm/demo-data';
import {
  AccountDocument,
  allProjections,
  ContactDocument,
  DealDocument,
  historyCollectionOf,
  historyIndexesFor,
} from '@crm/projections';
import {
  account360,
  contact360,
  listContacts,
  listDeals,
  listInteractions,
  listLeads,
  listTasks,
  listTickets,
  pipelineBoard,
  ReadModels,
  RecordViews,
  ReportQueries,
  timeline,
} from '@crm/queries';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { BenchContext } from '../context';
import { log } from '../log';
import {
  FigureResult,
  LIST_NAMES,
  ListName,
  Measurement,
  REPORT_NAMES,
  ReportName,
} from '../model';
import { Samples, Summary } from '../stats';
import { ids } from '../targets';

/**
 * Figure 5: latency of the views and reports on the read models of the whole log, one caller,
 * each query repeated for a fixed time on records picked at random (a fixed sequence per seed).
 * `now` is the end of the workload's history, as if the queries were asked that day.
 */

type Query = { id: string; label: string; run: () => Promise<unknown> };

const MIB = 1024 * 1024;
const MIN_ITERATIONS = 20;

const timeQuery = async (
  query: Query,
  warmupMs: number,
  durationMs: number,
): Promise<{ summary: Summary; iterations: number }> => {
  const warmupUntil = performance.now() + warmupMs;
  while (performance.now() < warmupUntil) await query.run();
  const samples = new Samples();
  const until = performance.now() + durationMs;
  while (performance.now() < until || samples.length < MIN_ITERATIONS) {
    const started = performance.now();
    const result = await query.run();
    samples.push(performance.now() - started);
    if (result === null || result === undefined) throw new Error(`${query.id} answered nothing`);
  }
  return { summary: samples.summary(), iterations: samples.length };
};

export const queriesTask = async (ctx: BenchContext): Promise<FigureResult> => {
  const started = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const documents = createEmbeddedDocumentStore({ path: ctx.readModelsPath });
  // The embedded store keeps no index declarations: the projection runner declares them when it
  // starts (as the API does on boot). Without a runner in this process, declare them the same way.
  for (const projection of allProjections) {
    const physical = await documents.activeGeneration(projection.name);
    if (physical) await documents.ensureIndexes(physical, projection.indexes);
    if (physical && projection.history) {
      await documents.ensureIndexes(
        historyCollectionOf(physical),
        historyIndexesFor(projection.indexes),
      );
    }
  }
  const loadSeconds = (performance.now() - started) / 1000;
  global.gc?.();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / MIB;
  log(`queries: read models loaded in ${loadSeconds.toFixed(1)} s`);
  try {
    const readModels = new ReadModels(documents);
    const reports = new ReportQueries(readModels);
    const tenant = ctx.workload.tenantId;
    const contactDocuments = await (
      await readModels.collection<ContactDocument>('contacts')
    ).find({ tenantId: tenant });
    const contacts = contactDocuments.map((contact) => contact.contactId);
    // Searches by the first three letters of a contact's last name, as a user types them.
    const nameStarts = contactDocuments.map((contact) => contact.lastName.slice(0, 3));
    const owners = [
      ...new Set(
        (await (await readModels.collection<DealDocument>('deals')).find({ tenantId: tenant })).map(
          (deal) => deal.ownerId,
        ),
      ),
    ];
    const accounts = (
      await (await readModels.collection<AccountDocument>('accounts')).find({ tenantId: tenant })
    ).map((account) => account.accountId);
    if (contacts.length === 0 || accounts.length === 0) throw new Error('no read models to query');
    const rng = new Random(ctx.settings.seed);
    const now = new Date(ctx.workload.to);
    const pipelineId = ctx.workload.pipelineId;
    const records = new RecordViews(readModels);
    // asOf a moment of the history, at random: a record or view may not exist yet then ({}).
    const from = new Date(ctx.workload.from).getTime();
    const pastMoment = () => new Date(from + rng.float() * (now.getTime() - from));
    const reportRuns: Record<ReportName, () => Promise<unknown>> = {
      'leadFunnel.source': () => reports.leadFunnel(tenant, { groupBy: 'source' }),
      'leadFunnel.campaign': () => reports.leadFunnel(tenant, { groupBy: 'campaign' }),
      winRate: () => reports.winRate(tenant),
      salesCycle: () => reports.salesCycle(tenant),
      stageConversion: () => reports.stageConversion(tenant, pipelineId),
      revenueByMonth: () => reports.revenueByMonth(tenant),
      forecast: () => reports.forecast(tenant),
      ticketReport: () => reports.ticketReport(tenant, { now }),
      campaignReport: () => reports.campaignReport(tenant),
    };
    const listRuns: Record<ListName, { label: string; run: () => Promise<unknown> }> = {
      'deals.owner': {
        label: 'deals of one owner (random owner), first page',
        run: () => listDeals(readModels, tenant, { ownerId: rng.pick(owners) }),
      },
      'leads.search': {
        label: 'leads, q = first 3 letters of a last name',
        run: () => listLeads(readModels, tenant, { q: rng.pick(nameStarts) }),
      },
      'contacts.search': {
        label: 'contacts, q = first 3 letters of a last name',
        run: () => listContacts(readModels, tenant, { q: rng.pick(nameStarts) }),
      },
      'tickets.breached': {
        label: 'open tickets with a breached SLA, first page',
        run: () => listTickets(readModels, tenant, { status: 'open', slaBreached: true }, now),
      },
      'tasks.overdue': {
        label: 'overdue tasks, first page',
        run: () => listTasks(readModels, tenant, { status: 'overdue' }, now),
      },
      'interactions.contact': {
        label: 'interactions of one contact (random contact)',
        run: () => listInteractions(readModels, tenant, { contactId: rng.pick(contacts) }),
      },
    };
    const queries: Query[] = [
      {
        id: ids.query('contact360'),
        label: 'contact 360 (random contact)',
        run: () => contact360(readModels, tenant, rng.pick(contacts), now),
      },
      {
        id: ids.query('account360'),
        label: 'account 360 (random account)',
        run: () => account360(readModels, tenant, rng.pick(accounts), now),
      },
      {
        id: ids.query('timeline'),
        label: 'timeline page, 20 entries (random contact)',
        run: () => timeline(readModels, tenant, { contactId: rng.pick(contacts) }),
      },
      {
        id: ids.query('pipelineBoard'),
        label: 'pipeline board (the one pipeline, 20 deals a column)',
        run: () => pipelineBoard(readModels, tenant, pipelineId, {}, now),
      },
      {
        id: ids.query('record.asOf'),
        label: 'contact record asOf a random past moment (random contact)',
        run: async () =>
          (await records.get('contact', tenant, rng.pick(contacts), pastMoment())) ?? {},
      },
      {
        id: ids.query('contact360.asOf'),
        label: 'contact 360 asOf a random past moment (random contact)',
        run: async () => {
          const at = pastMoment();
          return (await contact360(readModels.asOf(at), tenant, rng.pick(contacts), at)) ?? {};
        },
      },
      {
        id: ids.report('winRate.asOf'),
        label: 'report winRate asOf a random past moment',
        run: () => new ReportQueries(readModels.asOf(pastMoment())).winRate(tenant),
      },
      ...LIST_NAMES.map((name): Query => ({
        id: ids.list(name),
        label: `list ${listRuns[name].label}`,
        run: listRuns[name].run,
      })),
      ...REPORT_NAMES.map((name): Query => ({
        id: ids.report(name),
        label: `report ${name}`,
        run: reportRuns[name],
      })),
    ];
    const measurements: Measurement[] = [];
    const iterations: Record<string, number> = {};
    for (const query of queries) {
      const timed = await timeQuery(
        query,
        ctx.settings.queryWarmupSeconds * 1000,
        ctx.settings.querySeconds * 1000,
      );
      iterations[query.id] = timed.iterations;
      measurements.push({
        id: query.id,
        figure: 'queries',
        label: query.label,
        value: timed.summary.mean,
        unit: 'ms',
        p50: timed.summary.p50,
        p99: timed.summary.p99,
        note: `${timed.iterations} runs, max ${timed.summary.max.toFixed(1)} ms`,
      });
      log(
        `queries: ${query.label}: p50 ${timed.summary.p50.toFixed(2)} ms, p99 ${timed.summary.p99.toFixed(2)} ms`,
      );
    }
    measurements.push(
      {
        id: 'query.load-seconds',
        figure: 'queries',
        label: 'opening the read store (loads every document)',
        value: loadSeconds,
        unit: 's',
      },
      {
        id: 'query.read-model-heap',
        figure: 'queries',
        label: 'read models held in memory (heap)',
        value: heapMiB,
        unit: 'MiB',
      },
    );
    return {
      figure: 'queries',
      measurements,
      info: {
        contacts: contacts.length,
        accounts: accounts.length,
        iterations,
        now: now.toISOString(),
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await documents.close();
  }
};
