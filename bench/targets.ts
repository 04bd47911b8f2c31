import { LIST_NAMES, Measurement, REPORT_NAMES, TargetOutcome } from './model';
import { significant } from './stats';

export type Synchronous = 'FULL' | 'NORMAL';

type Threshold = { absolute: number } | { floorFactor: number; floor: string };

/** A target of the issue, on one field of one measurement. */
export type TargetSpec = {
  id: string;
  text: string;
  measurement: string;
  field: 'value' | 'p50' | 'p99';
  op: '>=' | '<=';
  threshold: Threshold;
  unit: string;
  /** The workload size the target is stated for; a smaller run is evaluated but flagged. */
  statedAtEvents?: number;
};

const MILLION = 1_000_000;

/** Measurement ids the figures emit (shared so targets and figures cannot drift apart). */
export const ids = {
  rawCommitRate: (mode: Synchronous) => `raw.commit.${mode}`,
  rawScanRate: 'raw.scan',
  rawScanSeconds: 'raw.scan.seconds',
  command: (mode: Synchronous, concurrency: number) => `command.${mode}.c${concurrency}`,
  commandUngrouped: (mode: Synchronous, concurrency: number) =>
    `command.${mode}.c${concurrency}.no-group-commit`,
  httpCommand: 'http.command',
  httpNoop: 'http.noop',
  httpOverheadShare: 'http.overhead-share',
  authOverheadShare: 'http.auth-overhead-share',
  catchUpRate: 'catch-up.rate',
  rebuildSeconds: 'rebuild.seconds',
  rebuildPeakRss: 'rebuild.peak-rss',
  servingPeakRss: 'queries.peak-rss',
  query: (name: string) => `query.${name}`,
  report: (name: string) => `query.report.${name}`,
  list: (name: string) => `query.list.${name}`,
  rywLag: 'ryw.lag',
  automationCatchUpAlone: 'automation.catch-up.alone',
  automationCatchUpWithRules: 'automation.catch-up.with-rules',
} as const;

/** The asOf reads the queries figure times, each held to the asOf target. */
const AS_OF_QUERIES: ReadonlyArray<readonly [string, string]> = [
  ['contact record', ids.query('record.asOf')],
  ['contact 360', ids.query('contact360.asOf')],
  ['report winRate', ids.report('winRate.asOf')],
];

/** Every target of the issue; which durability is the default decides the third one. */
export const targetsFor = (defaultSynchronous: Synchronous): TargetSpec[] => [
  {
    id: 'durable-c1',
    text: 'durable commands (FULL) at c=1 >= 0.5x raw FULL per-commit rate',
    measurement: ids.command('FULL', 1),
    field: 'value',
    op: '>=',
    threshold: { floorFactor: 0.5, floor: ids.rawCommitRate('FULL') },
    unit: 'commands/s',
  },
  {
    id: 'durable-c64',
    text: 'durable commands (FULL) at c=64 >= 3x raw FULL per-commit rate',
    measurement: ids.command('FULL', 64),
    field: 'value',
    op: '>=',
    threshold: { floorFactor: 3, floor: ids.rawCommitRate('FULL') },
    unit: 'commands/s',
  },
  {
    id: 'default-c64',
    text: `default durability (${defaultSynchronous}) in-process at c=64 >= 10k commands/s`,
    measurement: ids.command(defaultSynchronous, 64),
    field: 'value',
    op: '>=',
    threshold: { absolute: 10_000 },
    unit: 'commands/s',
  },
  {
    id: 'http-rate',
    text: 'HTTP commands at 64 connections >= 4k requests/s',
    measurement: ids.httpCommand,
    field: 'value',
    op: '>=',
    threshold: { absolute: 4_000 },
    unit: 'requests/s',
  },
  {
    id: 'http-overhead',
    text: 'framework overhead (bare route time / command request time) <= 35%',
    measurement: ids.httpOverheadShare,
    field: 'value',
    op: '<=',
    threshold: { absolute: 35 },
    unit: '%',
  },
  {
    id: 'auth-overhead',
    text: 'authentication overhead (API key check time / command request time) <= 10%',
    measurement: ids.authOverheadShare,
    field: 'value',
    op: '<=',
    threshold: { absolute: 10 },
    unit: '%',
  },
  {
    id: 'catch-up',
    text: 'projection catch-up >= 50k events/s',
    measurement: ids.catchUpRate,
    field: 'value',
    op: '>=',
    threshold: { absolute: 50_000 },
    unit: 'events/s',
  },
  {
    id: 'rebuild-time',
    text: 'full rebuild of 1M events <= 20 s',
    measurement: ids.rebuildSeconds,
    field: 'value',
    op: '<=',
    threshold: { absolute: 20 },
    unit: 's',
    statedAtEvents: MILLION,
  },
  {
    id: 'rebuild-floor',
    text: 'full rebuild within 3x the raw scan floor',
    measurement: ids.rebuildSeconds,
    field: 'value',
    op: '<=',
    threshold: { floorFactor: 3, floor: ids.rawScanSeconds },
    unit: 's',
  },
  {
    id: 'rebuild-rss',
    text: 'full rebuild peak RSS <= 1 GiB',
    measurement: ids.rebuildPeakRss,
    field: 'value',
    op: '<=',
    threshold: { absolute: 1024 },
    unit: 'MiB',
    statedAtEvents: MILLION,
  },
  {
    id: 'contact360-p99',
    text: 'contact 360 p99 <= 5 ms',
    measurement: ids.query('contact360'),
    field: 'p99',
    op: '<=',
    threshold: { absolute: 5 },
    unit: 'ms',
    statedAtEvents: MILLION,
  },
  {
    id: 'pipeline-board-p99',
    text: 'pipeline board p99 <= 20 ms',
    measurement: ids.query('pipelineBoard'),
    field: 'p99',
    op: '<=',
    threshold: { absolute: 20 },
    unit: 'ms',
    statedAtEvents: MILLION,
  },
  ...LIST_NAMES.map((name): TargetSpec => ({
    id: `list-${name}-p99`,
    text: `list ${name} p99 <= 20 ms`,
    measurement: ids.list(name),
    field: 'p99',
    op: '<=',
    threshold: { absolute: 20 },
    unit: 'ms',
    statedAtEvents: MILLION,
  })),
  ...REPORT_NAMES.map((name): TargetSpec => ({
    id: `report-${name}-p99`,
    text: `report ${name} p99 <= 50 ms`,
    measurement: ids.report(name),
    field: 'p99',
    op: '<=',
    threshold: { absolute: 50 },
    unit: 'ms',
    statedAtEvents: MILLION,
  })),
  ...AS_OF_QUERIES.map(([name, measurement]): TargetSpec => ({
    id: `as-of-${name}-p99`,
    text: `${name} asOf p99 <= 200 ms`,
    measurement,
    field: 'p99',
    op: '<=',
    threshold: { absolute: 200 },
    unit: 'ms',
    statedAtEvents: MILLION,
  })),
  {
    id: 'serving-rss',
    text: 'peak RSS while serving queries <= 1 GiB',
    measurement: ids.servingPeakRss,
    field: 'value',
    op: '<=',
    threshold: { absolute: 1024 },
    unit: 'MiB',
    statedAtEvents: MILLION,
  },
  {
    id: 'ryw-p99',
    text: 'read-your-writes lag p99 <= 50 ms',
    measurement: ids.rywLag,
    field: 'p99',
    op: '<=',
    threshold: { absolute: 50 },
    unit: 'ms',
  },
  {
    id: 'automation-catch-up',
    text: 'automation does not halve catch-up: projections with the rule runner beside them >= 0.5x alone',
    measurement: ids.automationCatchUpWithRules,
    field: 'value',
    op: '>=',
    threshold: { floorFactor: 0.5, floor: ids.automationCatchUpAlone },
    unit: 'events/s',
    statedAtEvents: MILLION,
  },
];

const byId = (measurements: readonly Measurement[]): Map<string, Measurement> =>
  new Map(measurements.map((m) => [m.id, m]));

/**
 * How many floors a measurement is worth: a rate over the floor's rate, a duration over the
 * floor's duration (the floor is the raw-floor measurement named by `floor`). Undefined when it
 * names no floor or the floor was not measured.
 */
export const floorRatio = (
  measurement: Measurement,
  all: ReadonlyMap<string, Measurement>,
): number | undefined => {
  if (!measurement.floor) return undefined;
  const floor = all.get(measurement.floor);
  if (!floor || !(floor.value > 0) || !Number.isFinite(measurement.value)) return undefined;
  return measurement.value / floor.value;
};

const fieldOf = (measurement: Measurement, field: TargetSpec['field']): number | undefined => {
  const value = field === 'value' ? measurement.value : measurement[field];
  return value === undefined || Number.isNaN(value) ? undefined : value;
};

/** Words for how far a value is from its threshold (or how much room it has). */
export const gapText = (op: TargetSpec['op'], actual: number, threshold: number): string => {
  if (threshold === 0) return '';
  if (op === '>=') {
    return actual >= threshold
      ? `${significant((actual / threshold - 1) * 100, 2)}% above`
      : `at ${significant((actual / threshold) * 100, 2)}% of target, needs ${significant(threshold / actual, 2)}x`;
  }
  return actual <= threshold
    ? `${significant((1 - actual / threshold) * 100, 2)}% below`
    : `${significant(actual / threshold, 2)}x the limit`;
};

const compactCount = (events: number): string =>
  events >= MILLION ? `${significant(events / MILLION, 3)}M` : `${significant(events / 1000, 3)}k`;

/** Each target against the measurements of a run of `events` events. */
export const evaluateTargets = (
  specs: readonly TargetSpec[],
  measurements: readonly Measurement[],
  events: number,
): TargetOutcome[] => {
  const all = byId(measurements);
  return specs.map((spec): TargetOutcome => {
    const measurement = all.get(spec.measurement);
    const actual = measurement ? fieldOf(measurement, spec.field) : undefined;
    let threshold: number | undefined;
    if ('absolute' in spec.threshold) threshold = spec.threshold.absolute;
    else {
      const floor = all.get(spec.threshold.floor);
      if (floor && floor.value > 0) threshold = floor.value * spec.threshold.floorFactor;
    }
    const note =
      spec.statedAtEvents !== undefined && events < spec.statedAtEvents
        ? `run at ${compactCount(events)} events; target stated for ${compactCount(spec.statedAtEvents)}`
        : undefined;
    if (actual === undefined || threshold === undefined) {
      return {
        id: spec.id,
        text: spec.text,
        measurement: spec.measurement,
        actual: actual ?? null,
        op: spec.op,
        threshold: threshold ?? null,
        unit: spec.unit,
        status: 'N/A',
        gap: actual === undefined ? 'not measured in this run' : 'floor not measured',
        ...(note && { note }),
      };
    }
    const pass = spec.op === '>=' ? actual >= threshold : actual <= threshold;
    return {
      id: spec.id,
      text: spec.text,
      measurement: spec.measurement,
      actual,
      op: spec.op,
      threshold,
      unit: spec.unit,
      status: pass ? 'PASS' : 'MISS',
      gap: gapText(spec.op, actual, threshold),
      ...(note && { note }),
    };
  });
};
