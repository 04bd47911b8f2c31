import { AppConfig, loadConfig } from '@crm/application/config';
import { Projection, selectProjections } from '@crm/projections';
import { hostname } from 'node:os';

export type ProjectorSettings = {
  config: AppConfig;
  /** CRM_PROJECTIONS: comma-separated projection names; every projection when unset. */
  projections: Projection[];
  /** CRM_PROJECTOR_ID: the name this process holds its leases under; `<hostname>-<pid>` when unset. */
  owner: string;
};

/**
 * The shared configuration (validated as the API validates it) plus the projector's own two
 * variables. Throws a ConfigError or an UnknownProjectionError with a message fit for the console.
 */
export const loadProjectorSettings = (
  env: NodeJS.ProcessEnv = process.env,
  pid: number = process.pid,
): ProjectorSettings => ({
  config: loadConfig(env),
  projections: selectProjections(env.CRM_PROJECTIONS),
  owner: env.CRM_PROJECTOR_ID?.trim() || `${hostname()}-${pid}`,
});
