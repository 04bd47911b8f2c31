import {
  AppConfig,
  checkEventStore,
  checkReadModels,
  checkReadStore,
  CrmMetrics,
  healthReport,
  observeReadSide,
  OpsServer,
  ReadSideProgress,
  stallOf,
  startOpsServer,
} from '@crm/application';
import { EventStore } from '@crm/event-store';
import { ProjectorWorker } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';

/**
 * What the worker is following, as readiness reads it: the position of the projections it runs,
 * none for a standby holding no lease (ready: it waits to take over); a stalled runner is not
 * ready until it has healed itself.
 */
const workerProgress = (worker: ProjectorWorker): ReadSideProgress | undefined => {
  const { position, health } = worker.status();
  if (position === undefined) return undefined;
  return {
    source: 'in-process',
    position: async () => BigInt(position),
    stalled: async () => stallOf(health),
  };
};

/** The projector's metrics and, on CRM_METRICS_PORT, its /metrics, /health/live and /health/ready. */
export const startProjectorOps = async (
  config: AppConfig,
  metrics: CrmMetrics,
  stores: { events: EventStore; documents: DocumentStore; worker: ProjectorWorker },
): Promise<OpsServer | undefined> => {
  observeReadSide(metrics, { events: stores.events, documents: stores.documents });
  if (config.CRM_METRICS_PORT === undefined) return undefined;
  return startOpsServer({
    host: config.CRM_METRICS_HOST,
    port: config.CRM_METRICS_PORT,
    metrics,
    ready: async () => {
      const [eventStore, readStore, readModels] = await Promise.all([
        checkEventStore(stores.events),
        checkReadStore(stores.documents),
        checkReadModels(stores.events, workerProgress(stores.worker), config.CRM_READY_MAX_LAG),
      ]);
      return healthReport({ eventStore, readStore, readModels });
    },
  });
};
