import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export type EventStoreBackend = 'sqlite';
export type ReadStoreBackend = 'embedded';

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

  @IsIn(['sqlite'])
  CRM_EVENT_STORE: EventStoreBackend = 'sqlite';

  /** FULL syncs every commit to disk; NORMAL may lose the last commits on power loss (not on a crash). */
  @IsIn(['FULL', 'NORMAL'])
  CRM_SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL' = 'FULL';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  CRM_BODY_LIMIT_BYTES = 1_048_576;

  @IsIn(['embedded'])
  CRM_READ_STORE: ReadStoreBackend = 'embedded';

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
    throw new ConfigError(
      errors.map(
        (e) =>
          `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
      ),
    );
  }
  return config;
};
