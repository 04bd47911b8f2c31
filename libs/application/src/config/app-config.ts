import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  validateSync,
  ValidationError,
} from 'class-validator';
import { EsdbConnectionString, MongoUri } from './connection-string.constraints';
import { BooleanSetting, IntegerSetting } from './setting-transforms';
import { redactCredentials } from './redact-credentials';

export type EventStoreBackend = 'sqlite' | 'eventstoredb';
export type ReadStoreBackend = 'embedded' | 'mongodb';
export type MongoTransactions = 'auto' | 'always' | 'never';

export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const PORT_RANGE = 'must be a whole number from 0 to 65535';
const BOOLEAN = 'must be true, false, 1 or 0';
const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const wholeNumberFrom = (min: number, max?: number) =>
  max === undefined
    ? `must be a whole number, at least ${min}`
    : `must be a whole number from ${min} to ${max}`;

/** Settings whose values may carry a password: never echoed as given. */
const CONNECTION_STRINGS = ['EVENTSTORE_CONNECTION_STRING', 'MONGODB_URI'];

/** Environment variables the processes read, validated once at start-up. */
export class AppConfig {
  @IntegerSetting()
  @IsInt({ message: PORT_RANGE })
  @Min(0, { message: PORT_RANGE })
  @Max(65535, { message: PORT_RANGE })
  PORT = 3000;

  @IsString()
  @MinLength(1)
  CRM_DATA_DIR = './data';

  @IsIn(['sqlite', 'eventstoredb'], { message: oneOf(['sqlite', 'eventstoredb']) })
  CRM_EVENT_STORE: EventStoreBackend = 'sqlite';

  /** `esdb://host:2113?tls=false`, `esdb+discover://...` or `kurrentdb://...`. */
  @ValidateIf((config: AppConfig) => config.CRM_EVENT_STORE === 'eventstoredb')
  @IsDefined({
    message: 'EVENTSTORE_CONNECTION_STRING is required when CRM_EVENT_STORE=eventstoredb',
  })
  @Validate(EsdbConnectionString)
  EVENTSTORE_CONNECTION_STRING: string | undefined = undefined;

  /** FULL syncs every commit to disk; NORMAL may lose the last commits on power loss (not on a crash). */
  @IsIn(['FULL', 'NORMAL'], { message: oneOf(['FULL', 'NORMAL']) })
  CRM_SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL' = 'FULL';

  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(1024) })
  @Min(1024, { message: wholeNumberFrom(1024) })
  CRM_BODY_LIMIT_BYTES = 1_048_576;

  @IsIn(['embedded', 'mongodb'], { message: oneOf(['embedded', 'mongodb']) })
  CRM_READ_STORE: ReadStoreBackend = 'embedded';

  /** Memory the embedded read store keeps in front of its file (documents and SQLite pages). */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(1, 65_536) })
  @Min(1, { message: wholeNumberFrom(1, 65_536) })
  @Max(65_536, { message: wholeNumberFrom(1, 65_536) })
  CRM_READ_CACHE_MB = 64;

  /** `mongodb://...` or `mongodb+srv://...`; a replica set gives transactions. */
  @ValidateIf((config: AppConfig) => config.CRM_READ_STORE === 'mongodb')
  @IsDefined({ message: 'MONGODB_URI is required when CRM_READ_STORE=mongodb' })
  @Validate(MongoUri)
  MONGODB_URI: string | undefined = undefined;

  /** The database holding the read models when CRM_READ_STORE=mongodb. */
  @Matches(/^[^/\\. "$*<>:|?]{1,63}$/, {
    message: 'must be 1-63 characters, none of /\\. "$*<>:|?',
  })
  MONGODB_DATABASE = 'crm';

  /**
   * 'auto': transactions where the deployment has them (a replica set), the per-document
   * position guard elsewhere; 'always' fails on a standalone server; 'never' uses the guard only.
   */
  @IsIn(['auto', 'always', 'never'], { message: oneOf(['auto', 'always', 'never']) })
  CRM_MONGODB_TRANSACTIONS: MongoTransactions = 'auto';

  /** Run the projections in this process (the embedded default does; a projector process may instead). */
  @BooleanSetting()
  @IsBoolean({ message: BOOLEAN })
  CRM_RUN_PROJECTIONS = true;

  /** Longest a query waits for the read models to reach `minPosition` before answering 503. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(0, 60_000) })
  @Min(0, { message: wholeNumberFrom(0, 60_000) })
  @Max(60_000, { message: wholeNumberFrom(0, 60_000) })
  CRM_READ_WAIT_TIMEOUT_MS = 5000;

  /** Readiness fails while the read models are more than this many events behind the log. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(0) })
  @Min(0, { message: wholeNumberFrom(0) })
  CRM_READY_MAX_LAG = 10_000;

  /**
   * A second listener for /metrics (and, on the projector, /health/live and /health/ready), on
   * CRM_METRICS_HOST; without it the API serves /metrics on its own port.
   */
  @IsOptional()
  @IntegerSetting()
  @IsInt({ message: PORT_RANGE })
  @Min(0, { message: PORT_RANGE })
  @Max(65535, { message: PORT_RANGE })
  CRM_METRICS_PORT?: number;

  @IsString()
  @MinLength(1)
  CRM_METRICS_HOST = '127.0.0.1';

  /** Run the process managers (lead conversion) in this process; the embedded default does. */
  @BooleanSetting()
  @IsBoolean({ message: BOOLEAN })
  CRM_RUN_PROCESSES = true;

  /** JSON lines by default when the output is not a terminal, readable text on one. */
  @IsOptional()
  @IsIn(LOG_FORMATS, { message: oneOf(LOG_FORMATS) })
  CRM_LOG_FORMAT?: LogFormat;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: oneOf(LOG_LEVELS) })
  CRM_LOG_LEVEL?: LogLevel;
}

/** One line per refused variable, each naming it, the value given and what it must be. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Settings without a default, so absent from `new AppConfig()`'s keys. */
const OPTIONAL = ['CRM_LOG_LEVEL', 'CRM_LOG_FORMAT', 'CRM_METRICS_PORT'];

/** Reads the configuration from the environment; throws a ConfigError naming every bad variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const known = Object.keys(new AppConfig());
  const relevant = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) =>
        value !== undefined && value !== '' && (known.includes(key) || OPTIONAL.includes(key)),
    ),
  );
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false, stopAtFirstError: true });
  if (errors.length) {
    throw new ConfigError(errors.map(describeProblem));
  }
  return config;
};

const describeProblem = (error: ValidationError): string => {
  const messages = Object.values(error.constraints ?? {}).join('; ');
  if (error.value === undefined) return messages;
  const shown =
    typeof error.value === 'string' && CONNECTION_STRINGS.includes(error.property)
      ? redactCredentials(error.value)
      : error.value;
  return `${error.property}=${JSON.stringify(shown)}: ${messages}`;
};

/** A setting validation made required for the chosen backend, typed as present. */
export const requiredSetting = (
  config: AppConfig,
  name: 'EVENTSTORE_CONNECTION_STRING' | 'MONGODB_URI',
): string => {
  const value = config[name];
  if (value === undefined) throw new ConfigError([`${name} is not set`]);
  return value;
};
