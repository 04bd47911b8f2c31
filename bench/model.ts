/** What figures report and what the JSON file holds. Plain JSON throughout (no bigint, no Date). */

export const FIGURE_IDS = [
  'raw-floor',
  'command-path',
  'http',
  'catch-up',
  'queries',
  'read-your-writes',
  'disk',
  'webhooks',
  'automation',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export const FIGURE_TITLES: Record<FigureId, string> = {
  'raw-floor': '1. raw floor',
  'command-path': '2. command path',
  http: '3. HTTP',
  'catch-up': '4. catch-up',
  queries: '5. queries',
  'read-your-writes': '6. read-your-writes',
  disk: '7. disk',
  webhooks: '8. webhooks',
  automation: '9. automation',
};

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type Unit =
  | 'events/s'
  | 'commits/s'
  | 'commands/s'
  | 'requests/s'
  | 'evaluations/s'
  | 'ms'
  | 's'
  | 'MiB'
  | 'B/event'
  | 'B'
  | '%'
  | 'count';

/**
 * One figure: `value` in `unit`; latency figures also carry p50/p99 in ms. `floor` names the
 * raw-floor measurement it compares with: a rate is divided by the floor's rate, a duration by
 * the floor's duration, so the ratio is always "how many floors".
 */
export type Measurement = {
  id: string;
  figure: FigureId;
  label: string;
  value: number;
  unit: Unit;
  p50?: number;
  p99?: number;
  floor?: string;
  note?: string;
};

export type FigureResult = {
  figure: FigureId;
  measurements: Measurement[];
  /** Anything else worth keeping: settings used, counts, errors, peak RSS of the process. */
  info: { [key: string]: Json };
  seconds: number;
};

export type TargetStatus = 'PASS' | 'MISS' | 'N/A';

export type TargetOutcome = {
  id: string;
  text: string;
  measurement: string;
  actual: number | null;
  op: '>=' | '<=';
  threshold: number | null;
  unit: string;
  status: TargetStatus;
  /** How far off (or how much headroom), in words. */
  gap: string;
  note?: string;
};

/** The reports of @crm/queries' ReportQueries that the query figure times, by measurement key. */
export const REPORT_NAMES = [
  'leadFunnel.source',
  'leadFunnel.campaign',
  'winRate',
  'salesCycle',
  'stageConversion',
  'revenueByMonth',
  'forecast',
  'ticketReport',
  'campaignReport',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** The filtered lists the queries figure times (`bench/figures/queries.ts`). */
export const LIST_NAMES = [
  'deals.owner',
  'leads.search',
  'contacts.search',
  'tickets.breached',
  'tasks.overdue',
  'interactions.contact',
] as const;
export type ListName = (typeof LIST_NAMES)[number];
