import { createEventSchemaRegistry, createEventSerializer, EventStore } from '@crm/event-store';
import { ProjectorWorker, WorkerLog } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { eventUpcasters } from '@crm/application/event-upcasters';
import { openConfiguredEventStore } from '@crm/application/nest/event-store.provider';
import { openConfiguredDocumentStore } from '@crm/application/read-side/document-store.provider';
import { CrmMetrics } from '@crm/application/metrics';
import { openConfiguredLeaseStore } from './lease-store.provider';
import { startProjectorOps } from './projector-ops';
import { ProjectorSettings } from './projector-settings';

export type RunningProjector = {
  worker: ProjectorWorker;
  /** Stops the worker (its batch in flight committed, its leases released), then closes the stores. */
  stop(): Promise<void>;
};

const closeInOrder = async (closers: (() => Promise<void>)[]): Promise<void> => {
  for (const close of closers) await close();
};

/** Opens the configured stores and starts a worker over the selected projections. */
export const startProjector = async (
  settings: ProjectorSettings,
  log: WorkerLog,
): Promise<RunningProjector> => {
  const { config, owner, projections } = settings;
  const closers: (() => Promise<void>)[] = [];
  try {
    const events: EventStore = await openConfiguredEventStore(config);
    closers.unshift(() => events.close());
    const documents: DocumentStore = await openConfiguredDocumentStore(config);
    closers.unshift(() => documents.close());
    const leaseStore = await openConfiguredLeaseStore(config, documents);
    closers.unshift(() => leaseStore.close());

    const metrics = new CrmMetrics('projector');
    const worker = new ProjectorWorker({
      events,
      documents,
      serializer: createEventSerializer(createEventSchemaRegistry(eventUpcasters)),
      leases: leaseStore.leases,
      owner,
      projections,
      log,
      runner: {
        onBatch: ({ events: applied, parked }) => {
          metrics.projectedEvents.inc(applied);
          if (parked > 0) metrics.parkedEvents.inc(parked);
        },
      },
    });
    const ops = await startProjectorOps(config, metrics, { events, documents, worker });
    if (ops) closers.unshift(() => ops.close());
    await worker.start();
    log('log', 'projector running', {
      owner,
      eventStore: config.CRM_EVENT_STORE,
      readStore: config.CRM_READ_STORE,
      wanted: worker.status().wanted,
      held: worker.status().held,
      ...(ops && { operations: `http://${config.CRM_METRICS_HOST}:${ops.port}` }),
    });
    return {
      worker,
      stop: async () => {
        await worker.stop();
        await closeInOrder(closers);
      },
    };
  } catch (error) {
    await closeInOrder(closers);
    throw error;
  }
};
