import { EventSerializer, EventStore } from '@crm/event-store';
import { allProjections, Projection, ProjectionRunner } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { Logger, Provider } from '@nestjs/common';
import { AppConfig } from '../config';
import { CrmMetrics } from '../metrics/crm-metrics';
import {
  APP_CONFIG,
  DOCUMENT_STORE,
  EVENT_SERIALIZER,
  EVENT_STORE,
  PROJECTION_RUNNER,
  READ_SIDE_PROGRESS,
} from '../nest/tokens';
import { openConfiguredDocumentStore } from './document-store.provider';
import { ProjectionLifecycle } from './projection-lifecycle';
import { checkpointProgress, runnerProgress } from './read-side-progress';
import { ReadYourWrites } from './read-your-writes';

/** The read side: document store, projection runner, its progress and read-your-writes. */
export const readSideProviders = (
  documentStore?: DocumentStore,
  metrics?: CrmMetrics,
  projections: readonly Projection[] = allProjections,
): Provider[] => [
  {
    provide: DOCUMENT_STORE,
    inject: [APP_CONFIG],
    // ProjectionLifecycle closes it on shutdown; a MongoDB client opened here closes with it.
    useFactory: (config: AppConfig) => documentStore ?? openConfiguredDocumentStore(config),
  },
  {
    provide: PROJECTION_RUNNER,
    inject: [EVENT_STORE, DOCUMENT_STORE, EVENT_SERIALIZER],
    useFactory: (events: EventStore, documents: DocumentStore, serializer: EventSerializer) => {
      const logger = new Logger('Projections');
      return new ProjectionRunner(events, documents, serializer, projections, {
        log: (message) => logger.log(message),
        onBatch: metrics
          ? ({ events, parked }) => {
              metrics.projectedEvents.inc(events);
              if (parked > 0) metrics.parkedEvents.inc(parked);
            }
          : undefined,
      });
    },
  },
  {
    provide: READ_SIDE_PROGRESS,
    inject: [APP_CONFIG, DOCUMENT_STORE, PROJECTION_RUNNER],
    useFactory: (config: AppConfig, documents: DocumentStore, runner: ProjectionRunner) =>
      config.CRM_RUN_PROJECTIONS ? runnerProgress(runner) : checkpointProgress(documents),
  },
  {
    provide: ReadYourWrites,
    inject: [APP_CONFIG, DOCUMENT_STORE, PROJECTION_RUNNER, EVENT_STORE],
    useFactory: (
      config: AppConfig,
      documents: DocumentStore,
      runner: ProjectionRunner,
      events: EventStore,
    ) =>
      new ReadYourWrites(
        documents,
        async () => {
          const names = await Promise.all(
            projections.map((p) => documents.activeGeneration(p.name)),
          );
          return names.filter((name): name is string => name !== undefined);
        },
        config.CRM_RUN_PROJECTIONS ? runner : undefined,
        config.CRM_READ_WAIT_TIMEOUT_MS,
        () => events.headPosition(),
      ),
  },
  ProjectionLifecycle,
];
