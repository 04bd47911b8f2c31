import { FIGURE_IDS, FigureId } from './model';

export type Preset = 'quick' | 'full';

/** Everything a run is parameterised by; part of the JSON so a result says how it was taken. */
export type Settings = {
  preset: Preset;
  events: number;
  seed: number;
  figures: FigureId[];
  /** In-flight commands while the workload's log is built through the command path. */
  buildConcurrency: number;
  concurrencies: number[];
  commandWarmupSeconds: number;
  commandSeconds: number;
  httpConnections: number;
  httpWarmupSeconds: number;
  httpSeconds: number;
  rawCommitSeconds: number;
  rawBatchSize: number;
  queryWarmupSeconds: number;
  querySeconds: number;
  rywSeconds: number;
  rywLoadConcurrency: number;
  rywProbePauseMs: number;
  /** Events each webhook is sent in the webhooks figure. */
  webhookEvents: number;
};

const PRESETS: Record<Preset, Omit<Settings, 'preset' | 'seed' | 'figures'>> = {
  quick: {
    events: 100_000,
    buildConcurrency: 1024,
    concurrencies: [1, 16, 64],
    commandWarmupSeconds: 0.3,
    commandSeconds: 1.5,
    httpConnections: 64,
    httpWarmupSeconds: 1,
    httpSeconds: 3,
    rawCommitSeconds: 1,
    rawBatchSize: 10_000,
    queryWarmupSeconds: 0.1,
    querySeconds: 0.35,
    rywSeconds: 3,
    rywLoadConcurrency: 16,
    rywProbePauseMs: 5,
    webhookEvents: 1000,
  },
  full: {
    events: 1_000_000,
    buildConcurrency: 1024,
    concurrencies: [1, 16, 64],
    commandWarmupSeconds: 1,
    commandSeconds: 6,
    httpConnections: 64,
    httpWarmupSeconds: 2,
    httpSeconds: 8,
    rawCommitSeconds: 3,
    rawBatchSize: 10_000,
    queryWarmupSeconds: 0.3,
    querySeconds: 2,
    rywSeconds: 10,
    rywLoadConcurrency: 16,
    rywProbePauseMs: 5,
    webhookEvents: 5000,
  },
};

export const DEFAULT_SEED = 42;

export class OptionError extends Error {}

const positiveInteger = (name: string, text: string): number => {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new OptionError(`${name} must be a positive integer, not ${JSON.stringify(text)}`);
  return value;
};

/** `raw-floor,queries` (or `all`) as figure ids, in the order the bench runs them. */
export const parseFigures = (text: string | undefined): FigureId[] => {
  if (text === undefined || text.trim() === '' || text.trim() === 'all') return [...FIGURE_IDS];
  const asked = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const unknown = asked.filter((id) => !(FIGURE_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) {
    throw new OptionError(
      `unknown figure(s) ${unknown.join(', ')}; known: ${FIGURE_IDS.join(', ')}`,
    );
  }
  return FIGURE_IDS.filter((id) => asked.includes(id));
};

export type CliOptions = {
  preset?: string;
  events?: string;
  seed?: string;
  only?: string;
};

/** The settings of a run from the command line: a preset, then --events, --seed, --only. */
export const resolveSettings = (options: CliOptions): Settings => {
  const preset = options.preset ?? 'full';
  if (preset !== 'quick' && preset !== 'full')
    throw new OptionError(`--preset must be quick or full, not ${JSON.stringify(preset)}`);
  const base = PRESETS[preset];
  return {
    preset,
    ...base,
    events:
      options.events === undefined ? base.events : positiveInteger('--events', options.events),
    seed: options.seed === undefined ? DEFAULT_SEED : positiveInteger('--seed', options.seed),
    figures: parseFigures(options.only),
  };
};
