import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
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
const CLAIM_NAME = 'must be a claim name: 1-200 letters, digits or _ : / . -';
const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const wholeNumberFrom = (min: number, max?: number) =>
  max === undefined
    ? `must be a whole number, at least ${min}`
    : `must be a whole number from ${min} to ${max}`;

/** Settings whose values may carry a password: never echoed as given. */
const CONNECTION_STRINGS = ['EVENTSTORE_CONNECTION_STRING', 'MONGODB_URI'];
/** Settings that are secrets: a problem with one never shows its value. */
const SECRETS = ['CRM_AUTH_JWT_SECRET', 'CRM_SECRETS_KEY'];

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

  @Matches(/^\S+$/, { message: 'must be a host name or address, such as 127.0.0.1' })
  CRM_METRICS_HOST = '127.0.0.1';

  /** Run the process managers (lead conversion) in this process; the embedded default does. */
  @BooleanSetting()
  @IsBoolean({ message: BOOLEAN })
  CRM_RUN_PROCESSES = true;

  /** How often the SLA breach detector looks for deadlines that passed unmet. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(100, 3_600_000) })
  @Min(100, { message: wholeNumberFrom(100, 3_600_000) })
  @Max(3_600_000, { message: wholeNumberFrom(100, 3_600_000) })
  CRM_SLA_CHECK_INTERVAL_MS = 30_000;

  /** How often the lead decay detector looks for leads whose next decay period is due. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(100, 3_600_000) })
  @Min(100, { message: wholeNumberFrom(100, 3_600_000) })
  @Max(3_600_000, { message: wholeNumberFrom(100, 3_600_000) })
  CRM_DECAY_CHECK_INTERVAL_MS = 60_000;

  /** Tenant of the admin API key created on the first start, when no key exists at all. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, {
    message: 'must be 1-64 letters, digits, _ or -, starting with a letter or digit',
  })
  CRM_BOOTSTRAP_TENANT = 'default';

  /** JWTs: keys from this JWKS URL (cached, refreshed on an unknown kid). */
  @IsOptional()
  @IsUrl(
    { protocols: ['https', 'http'], require_tld: false },
    { message: 'must be an http:// or https:// URL' },
  )
  CRM_AUTH_JWKS_URL?: string;

  /** JWTs: one public key, PEM (SPKI); its type pins the algorithms. */
  @IsOptional()
  @Matches(/-----BEGIN PUBLIC KEY-----/, {
    message: 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)',
  })
  CRM_AUTH_JWT_PUBLIC_KEY?: string;

  /** JWTs signed with HS256 and this shared secret (development); at least 32 characters. */
  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters' })
  CRM_AUTH_JWT_SECRET?: string;

  @ValidateIf((config: AppConfig) => jwtConfigured(config))
  @IsDefined({ message: 'CRM_AUTH_ISSUER is required when JWTs are accepted' })
  @IsString()
  CRM_AUTH_ISSUER?: string;

  @ValidateIf((config: AppConfig) => jwtConfigured(config))
  @IsDefined({ message: 'CRM_AUTH_AUDIENCE is required when JWTs are accepted' })
  @IsString()
  CRM_AUTH_AUDIENCE?: string;

  @Matches(/^[A-Za-z0-9_:/.-]{1,200}$/, { message: CLAIM_NAME })
  CRM_AUTH_TENANT_CLAIM = 'tenant';

  @Matches(/^[A-Za-z0-9_:/.-]{1,200}$/, { message: CLAIM_NAME })
  CRM_AUTH_ROLES_CLAIM = 'roles';

  /** Leeway on a token's exp and nbf; at most a minute. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(0, 60) })
  @Min(0, { message: wholeNumberFrom(0, 60) })
  @Max(60, { message: wholeNumberFrom(0, 60) })
  CRM_AUTH_CLOCK_TOLERANCE_SECONDS = 30;

  /** Origins (comma-separated) browsers may call the API from; CORS stays off when unset. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,/]+(,\s*https?:\/\/[^\s,/]+)*$/, {
    message: 'must be comma-separated origins such as https://crm.example.com',
  })
  CRM_CORS_ORIGINS?: string;

  /** Requests per minute one principal (or, without a credential, one address) may send. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(1) })
  @Min(1, { message: wholeNumberFrom(1) })
  CRM_RATE_LIMIT_PER_MINUTE = 1200;

  /** Tighter, separate budget for expensive reads: reports computed `asOf` a past moment. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(1) })
  @Min(1, { message: wholeNumberFrom(1) })
  CRM_RATE_LIMIT_EXPENSIVE_PER_MINUTE = 30;

  /**
   * Key sealing the secrets the system keeps (webhook signing secrets): 32 bytes as 64 hex
   * digits or base64. Without it a key is generated once into `$CRM_DATA_DIR/secrets.key`.
   */
  @IsOptional()
  @Matches(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'CRM_SECRETS_KEY must be 32 bytes: 64 hex digits or 44 characters of base64',
  })
  CRM_SECRETS_KEY?: string;

  /**
   * Webhook targets allowed although private or loopback: comma-separated addresses or CIDR
   * ranges (`127.0.0.1,10.0.0.0/8,::1`).
   */
  @IsOptional()
  @Matches(/^[0-9A-Fa-f:./]+(\s*,\s*[0-9A-Fa-f:./]+)*$/, {
    message: 'CRM_WEBHOOK_ALLOWED_TARGETS must be comma-separated IP addresses or CIDR ranges',
  })
  CRM_WEBHOOK_ALLOWED_TARGETS?: string;

  /** Attempts of one webhook delivery before it is dead-lettered. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(1, 100) })
  @Min(1, { message: wholeNumberFrom(1, 100) })
  @Max(100, { message: wholeNumberFrom(1, 100) })
  CRM_WEBHOOK_MAX_ATTEMPTS = 8;

  /** Wait after a delivery's first failed attempt; doubled after each further one. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(0) })
  @Min(0, { message: wholeNumberFrom(0) })
  CRM_WEBHOOK_BACKOFF_MS = 1000;

  /** Longest wait between two attempts of a delivery. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(0) })
  @Min(0, { message: wholeNumberFrom(0) })
  CRM_WEBHOOK_BACKOFF_MAX_MS = 600_000;

  /** Longest a webhook target may take to answer one attempt. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(100, 120_000) })
  @Min(100, { message: wholeNumberFrom(100, 120_000) })
  @Max(120_000, { message: wholeNumberFrom(100, 120_000) })
  CRM_WEBHOOK_TIMEOUT_MS = 10_000;

  /** How often the workflow rules look for delayed actions that are due. */
  @IntegerSetting()
  @IsInt({ message: wholeNumberFrom(10, 60_000) })
  @Min(10, { message: wholeNumberFrom(10, 60_000) })
  @Max(60_000, { message: wholeNumberFrom(10, 60_000) })
  CRM_AUTOMATION_TIMER_POLL_MS = 1000;

  /** 'off' hides /docs and /openapi.json; 'on' serves them without a credential. */
  @IsIn(['on', 'off'], { message: oneOf(['on', 'off']) })
  CRM_DOCS: 'on' | 'off' = 'on';

  /** JSON lines by default when the output is not a terminal, readable text on one. */
  @IsOptional()
  @IsIn(LOG_FORMATS, { message: oneOf(LOG_FORMATS) })
  CRM_LOG_FORMAT?: LogFormat;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: oneOf(LOG_LEVELS) })
  CRM_LOG_LEVEL?: LogLevel;
}

const jwtConfigured = (config: AppConfig): boolean =>
  [config.CRM_AUTH_JWKS_URL, config.CRM_AUTH_JWT_PUBLIC_KEY, config.CRM_AUTH_JWT_SECRET].some(
    (value) => value !== undefined,
  );

/** One line per refused variable, each naming it, the value given and what it must be. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Settings without a default, so absent from `new AppConfig()`'s keys. */
const OPTIONAL = [
  'CRM_LOG_LEVEL',
  'CRM_LOG_FORMAT',
  'CRM_METRICS_PORT',
  'CRM_AUTH_JWKS_URL',
  'CRM_AUTH_JWT_PUBLIC_KEY',
  'CRM_AUTH_JWT_SECRET',
  'CRM_AUTH_ISSUER',
  'CRM_AUTH_AUDIENCE',
  'CRM_CORS_ORIGINS',
  'CRM_SECRETS_KEY',
  'CRM_WEBHOOK_ALLOWED_TARGETS',
];

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
  const problems = errors.map(describeProblem);
  const keySources = [
    config.CRM_AUTH_JWKS_URL,
    config.CRM_AUTH_JWT_PUBLIC_KEY,
    config.CRM_AUTH_JWT_SECRET,
  ].filter((value) => value !== undefined);
  if (keySources.length > 1) {
    problems.push(
      'set only one of CRM_AUTH_JWKS_URL, CRM_AUTH_JWT_PUBLIC_KEY and CRM_AUTH_JWT_SECRET',
    );
  }
  if (problems.length) {
    throw new ConfigError(problems);
  }
  return config;
};

const describeProblem = (error: ValidationError): string => {
  const messages = Object.values(error.constraints ?? {}).join('; ');
  if (error.value === undefined) return messages;
  if (SECRETS.includes(error.property)) return `${error.property}: ${messages}`;
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
