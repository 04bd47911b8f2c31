import { EventSerializer, EventStore } from '@crm/event-store';
import { DocumentStore } from '@crm/read-store';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '../config';
import { APP_CONFIG, DOCUMENT_STORE, EVENT_SERIALIZER, EVENT_STORE } from '../nest/tokens';
import { waitPatientlyFor } from '../read-side/patient-read-wait';
import { ReadYourWrites } from '../read-side/read-your-writes';
import { LEAD_ENGAGEMENT_PROCESS, leadEngagementProcess } from '../scoring/lead-engagement.process';
import { LEAD_SCORING_PROCESS, leadScoringProcess } from '../scoring/lead-scoring.process';
import { leadConversionProcess } from './lead-conversion.saga';
import { ProcessDefinition } from './process-definition';
import { ProcessRunner } from './process-runner';

/** The read side a process reads through, where this process has one. */
export type ProcessReadSide = {
  documents: DocumentStore;
  readYourWrites: ReadYourWrites;
  /** True once the process managers are shutting down: a wait for the read side gives up. */
  stopping: () => boolean;
};

/**
 * Every process manager, built on the stores some of them read. Lead engagement finds a
 * contact's leads in the leads read model, so it runs only beside a read side.
 */
export const processDefinitions = (
  store: EventStore,
  serializer: EventSerializer,
  readSide?: ProcessReadSide,
): ProcessDefinition[] => [
  leadConversionProcess,
  leadScoringProcess(store, serializer),
  ...(readSide
    ? [
        leadEngagementProcess({
          store,
          serializer,
          documents: readSide.documents,
          readModelsAt: (position) =>
            waitPatientlyFor(
              (at) => readSide.readYourWrites.waitFor(at),
              position,
              readSide.stopping,
            ),
        }),
      ]
    : []),
];

/** The process managers' names (their checkpoints and parked events are kept under them). */
export const PROCESS_NAMES: readonly string[] = [
  leadConversionProcess.name,
  LEAD_SCORING_PROCESS,
  LEAD_ENGAGEMENT_PROCESS,
];

/** Starts every process manager with the application and stops them before the store closes. */
@Injectable()
export class ProcessManagers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runners: ProcessRunner[];
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(EVENT_SERIALIZER) serializer: EventSerializer,
    commandBus: CommandBus,
    @Optional() @Inject(DOCUMENT_STORE) documents?: DocumentStore,
    @Optional() readYourWrites?: ReadYourWrites,
  ) {
    const stopping = () => this.stopping;
    const readSide =
      documents && readYourWrites ? { documents, readYourWrites, stopping } : undefined;
    this.runners = processDefinitions(store, serializer, readSide).map(
      (d) => new ProcessRunner(d, store, serializer, commandBus),
    );
  }

  onApplicationBootstrap(): void {
    if (this.config.CRM_RUN_PROCESSES) this.runners.forEach((runner) => runner.start());
  }

  /** Resolves once every process manager has handled the whole log as it is now. */
  async waitUntilCaughtUp(): Promise<void> {
    if (!this.config.CRM_RUN_PROCESSES) {
      throw new Error('process managers are not running in this process (CRM_RUN_PROCESSES=false)');
    }
    await Promise.all(this.runners.map((runner) => runner.waitUntilCaughtUp()));
  }

  /** Where each process manager of this process has got to; empty when none runs here. */
  positions(): Record<string, bigint> {
    if (!this.config.CRM_RUN_PROCESSES) return {};
    return Object.fromEntries(
      this.runners.map((runner) => [runner.progress().name, runner.progress().position]),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}
