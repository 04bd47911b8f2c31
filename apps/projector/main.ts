import 'reflect-metadata';
import { reportStartupFailure } from '@crm/application/startup';
import { startTracing } from '@crm/application/tracing';
import { UnknownProjectionError } from '@crm/projections';
import { createLogger } from '@crm/application/logging';
import { projectorLogOver } from './src/projector-log';
import { loadProjectorSettings, ProjectorSettings } from './src/projector-settings';
import { startProjector } from './src/start-projector';

/**
 * The projector process: runs the projections named in CRM_PROJECTIONS (all by default) for as
 * long as it holds their leases. SIGTERM or SIGINT: finish and commit the batch in flight, release
 * the leases, close the stores, exit 0.
 */
const main = async (): Promise<void> => {
  let settings: ProjectorSettings;
  try {
    settings = loadProjectorSettings();
  } catch (error) {
    if (error instanceof UnknownProjectionError) {
      process.stderr.write(`projector: CRM_PROJECTIONS: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const { config } = settings;
  const log = projectorLogOver(
    createLogger({
      service: 'projector',
      format: config.CRM_LOG_FORMAT,
      level: config.CRM_LOG_LEVEL,
    }),
  );

  const starting = startTracing('projector').then(async (tracing) => {
    const projector = await startProjector(settings, log);
    return {
      ...projector,
      stop: async () => {
        await projector.stop();
        await tracing?.shutdown();
      },
    };
  });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log('warn', 'still stopping: finishing the batch in flight', { signal });
      return;
    }
    stopping = true;
    log('log', 'stopping projector', { signal });
    starting
      .then((projector) => projector.stop())
      .then(
        () => {
          log('log', 'projector stopped', { signal });
          process.exit(0);
        },
        (error: unknown) => {
          log('error', 'projector did not stop cleanly', { error: String(error) });
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  await starting;
};

main().catch((error: unknown) => {
  reportStartupFailure('projector', error);
  process.exit(1);
});
