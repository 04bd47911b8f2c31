import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
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
import { redactCredentials } from './redact-credentials';

export type EventStoreBackend = 'sqlite' | 'eventstoredb';
export type ReadStoreBackend = 'embedded' | 'mongodb';
export type MongoTransactions = 'auto' | 'always' | 'never';

/** Settings whose values may carry a password: never echoed as given. */
const CONNECTION_STRINGS = ['EVENTSTORE_CONNECTION_STRING', 'MONGODB_URI'];

/** Environment variables the processes read, validated once at start-up. */
export class AppConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  CRM_DATA_DIR = './data';

  @IsIn(['sqlite', 'eventstoredb'])
  CRM_EVENT_STORE: EventStoreBackend = 'sqlite';

  /** `esdb://host:2113?tls=false`, `esdb+discover://...` or `kurrentdb://...`. */
  @ValidateIf((config: AppConfig) => config.CRM_EVENT_STORE === 'eventstoredb')
  @IsDefined({
    message: 'EVENTSTORE_CONNECTION_STRING is required when CRM_EVENT_STORE=eventstoredb',
  })
  @Validate(EsdbConnectionString)
  EVENTSTORE_CONNECTION_STRING: string | undefined = undefined;

  /** FULL syncs every commit to disk; NORMAL may lose the last commits on power loss (not on a crash). */
  @IsIn(['FULL', 'NORMAL'])
  CRM_SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL' = 'FULL';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  CRM_BODY_LIMIT_BYTES = 1_048_576;

  @IsIn(['embedded', 'mongodb'])
  CRM_READ_STORE: ReadStoreBackend = 'embedded';

  /** Memory the embedded read store keeps in front of its file (documents and SQLite pages). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65_536)
  CRM_READ_CACHE_MB = 64;

  /** `mongodb://...` or `mongodb+srv://...`; a replica set gives transactions. */
  @ValidateIf((config: AppConfig) => config.CRM_READ_STORE === 'mongodb')
  @IsDefined({ message: 'MONGODB_URI is required when CRM_READ_STORE=mongodb' })
  @Validate(MongoUri)
  MONGODB_URI: string | undefined = undefined;

  /** The database holding the read models when CRM_READ_STORE=mongodb. */
  @Matches(/^[^/\\. "$*<>:|?]{1,63}$/, {
    message: 'MONGODB_DATABASE must be 1-63 characters, none of /\\. "$*<>:|?',
  })
  MONGODB_DATABASE = 'crm';

  /**
   * 'auto': transactions where the deployment has them (a replica set), the per-document
   * position guard elsewhere; 'always' fails on a standalone server; 'never' uses the guard only.
   */
  @IsIn(['auto', 'always', 'never'])
  CRM_MONGODB_TRANSACTIONS: MongoTransactions = 'auto';

  /** Run the projections in this process (the embedded default does; a projector process may instead). */
  @Transform(({ value }) => (typeof value === 'string' ? value === 'true' : value))
  @IsBoolean()
  CRM_RUN_PROJECTIONS = true;

  /** Longest a query waits for the read models to reach `minPosition` before answering 503. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  CRM_READ_WAIT_TIMEOUT_MS = 5000;

  /** Run the process managers (lead conversion) in this process; the embedded default does. */
  @Transform(({ value }) => (typeof value === 'string' ? value === 'true' : value))
  @IsBoolean()
  CRM_RUN_PROCESSES = true;

  @IsIn(['json', 'text'])
  CRM_LOG_FORMAT: 'json' | 'text' = 'text';

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  CRM_LOG_LEVEL?: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from the environment; throws a ConfigError naming every bad variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const known = Object.keys(new AppConfig());
  const relevant = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) =>
        value !== undefined && value !== '' && (known.includes(key) || key === 'CRM_LOG_LEVEL'),
    ),
  );
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
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
