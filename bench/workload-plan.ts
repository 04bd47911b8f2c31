import { DemoCommand, DemoDataOptions, DemoItem, generateDemoData, Random } from '@crm/demo-data';

/**
 * The benchmark's workload as a stream of demo commands, a pure function of (seed, size).
 *
 * One call of the demo generator plans one year of a mid-sized sales organisation (a "cohort":
 * 50 accounts, 200 contacts, 300 leads, 100 deals, 100 tickets, 5 campaigns, 150 tasks, and 30
 * interactions per contact, so interactions are the bulk). The workload staggers cohorts a month
 * apart in ONE tenant, on ONE shared sales pipeline, and merges them in time order, so the log
 * looks like a company that keeps adding customers: about a dozen cohorts are active at any
 * moment, 100k events span about two years and 1M events about nine and a half.
 *
 * Only the live cohorts are held in memory (each is generated when the merged stream reaches its
 * start and dropped when exhausted), so memory stays flat whatever the size.
 */

export const WORKLOAD_VERSION = 1;
export const BENCH_TENANT = 'bench';
/** The first cohort starts here; a 1M-event history ends in 2024, before any real clock. */
export const WORKLOAD_START = Date.UTC(2015, 0, 1);
export const COHORT_DAYS = 365;
export const COHORT_STAGGER_DAYS = 30;
const DAY_MS = 86_400_000;

export const COHORT_SHAPE = {
  accounts: 50,
  contactsPerAccount: 4,
  leads: 300,
  dealsPerAccount: 2,
  interactionsPerContact: 30,
  tickets: 100,
  campaigns: 5,
  tasks: 150,
} as const satisfies Partial<DemoDataOptions>;

/**
 * Events appended per demo command, measured on this workload (most commands write one event;
 * lead conversions write one and make the process manager write up to four more, plus its
 * checkpoint). The workload of N events is the first round(N / EVENTS_PER_ITEM) commands, so its
 * size is deterministic; the log it builds holds N events give or take a fraction of a percent.
 */
export const EVENTS_PER_ITEM = 1.022;

export type WorkloadItem = DemoItem & {
  /** Position of the command in the workload, from 0. */
  seq: number;
  cohort: number;
};

export const itemsForEvents = (events: number): number =>
  Math.max(1, Math.round(events / EVENTS_PER_ITEM));

/** The demo options of cohort `index` (its seed comes from the workload seed's sequence). */
export const cohortOptions = (index: number, cohortSeed: number): Partial<DemoDataOptions> => ({
  ...COHORT_SHAPE,
  seed: cohortSeed,
  tenantId: BENCH_TENANT,
  start: new Date(WORKLOAD_START + index * COHORT_STAGGER_DAYS * DAY_MS),
  days: COHORT_DAYS,
});

/** Deals of later cohorts go onto the first cohort's pipeline (same stages, so valid as they are). */
const onPipeline = (command: DemoCommand, pipelineId: string): DemoCommand => {
  if (command.type === 'OpenDeal') return { ...command, data: { ...command.data, pipelineId } };
  if (command.type === 'ConvertLead' && command.data.deal) {
    return {
      ...command,
      data: { ...command.data, deal: { ...command.data.deal, pipelineId } },
    };
  }
  return command;
};

type Cohort = { index: number; items: DemoItem[]; next: number };

/** The first `count` commands of the workload of `seed`, in time order. */
export function* workloadItems(seed: number, count: number): Generator<WorkloadItem> {
  const seeds = new Random(seed);
  const live: Cohort[] = [];
  let opened = 0;
  let pipelineId: string | undefined;
  const cohortStart = (index: number): number =>
    WORKLOAD_START + index * COHORT_STAGGER_DAYS * DAY_MS;
  const open = (): void => {
    const cohortSeed = Math.floor(seeds.float() * 0x1_0000_0000);
    const items = generateDemoData(cohortOptions(opened, cohortSeed));
    if (pipelineId === undefined) {
      const definition = items.find((item) => item.command.type === 'DefinePipeline');
      if (!definition) throw new Error('the first cohort defines no pipeline');
      pipelineId = definition.recordId;
    }
    live.push({ index: opened, items, next: 0 });
    opened += 1;
  };

  for (let seq = 0; seq < count;) {
    let earliest: Cohort | undefined;
    for (;;) {
      earliest = undefined;
      for (const cohort of live) {
        if (!earliest || cohort.items[cohort.next].at < earliest.items[earliest.next].at)
          earliest = cohort;
      }
      if (earliest && cohortStart(opened) > earliest.items[earliest.next].at.getTime()) break;
      open();
    }
    const item = earliest.items[earliest.next++];
    if (earliest.next === earliest.items.length) live.splice(live.indexOf(earliest), 1);
    if (earliest.index > 0 && item.command.type === 'DefinePipeline') continue;
    yield {
      ...item,
      command: onPipeline(item.command, pipelineId ?? item.recordId),
      seq,
      cohort: earliest.index,
    };
    seq += 1;
  }
}

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const collectIds = (value: unknown, into: Set<string>): void => {
  if (typeof value === 'string') {
    if (RECORD_ID.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const element of value) collectIds(element, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const element of Object.values(value)) collectIds(element, into);
  }
};

/**
 * The records a command touches: the one it writes and the ones its data names (reads). A
 * command runs after the last command that wrote any of them (a call is logged after its contact
 * exists and after earlier changes to it); commands that share none may run concurrently.
 */
export const recordsTouched = (item: DemoItem): { writes: string; reads: string[] } => {
  const ids = new Set<string>();
  collectIds(item.command.data, ids);
  ids.delete(item.recordId);
  return { writes: item.recordId, reads: [...ids] };
};
