import {
  createEventSchemaRegistry,
  createEventSerializer,
  EventSerializer,
  EventStore,
} from '@crm/event-store';
import { DocumentStore } from '@crm/read-store';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-executor';
import { AppConfig } from '../config';
import { openDealsFromFigures } from '../preparation/open-deals-from-figures';
import { eventUpcasters } from '../event-upcasters';
import { CrmMetrics } from '../metrics/crm-metrics';
import { instrumentEventStore } from '../metrics/instrumented-event-store';
import { openDealsByLogScan } from '../preparation/open-deals-by-log-scan';
import { ProcessManagers } from '../processes/process-managers';
import { appConfigProvider, loadConfiguration } from './configuration';
import { openConfiguredEventStore } from './event-store.provider';
import { ExecuteDomainCommandHandler } from './execute-domain-command.handler';
import {
  APP_CONFIG,
  CLOCK,
  DOCUMENT_STORE,
  EVENT_SERIALIZER,
  EVENT_STORE,
  OPEN_DEALS_IN_STAGE,
} from './tokens';
import { ReadYourWrites } from '../read-side/read-your-writes';

export type CommandSideOptions = {
  /** The validated configuration; it reaches the providers as APP_CONFIG through ConfigService. */
  config: AppConfig;
  /** The ConfigModule that validated `config` (createApp's); built from `config` when absent. */
  configModule?: DynamicModule;
  /** Overrides the configured event store (tests hand in an in-memory one). */
  eventStore?: EventStore;
  clock?: () => Date;
  /** Given (the API), commands and appends are measured into it. */
  metrics?: CrmMetrics;
};

/**
 * The command side: the configuration, the event store, the one command path behind the
 * CommandBus (catalogue, preparers, deciders) and the process managers that issue commands
 * from the log. Global, so the read side and every feature module reach its exports.
 */
@Module({})
export class CommandSideModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: CommandSideOptions): DynamicModule {
    return {
      module: CommandSideModule,
      global: true,
      imports: [
        options.configModule ?? loadConfiguration(options.config).then(({ module }) => module),
        CqrsModule.forRoot(),
      ],
      providers: [
        appConfigProvider,
        { provide: CLOCK, useValue: options.clock ?? (() => new Date()) },
        {
          provide: EVENT_STORE,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const store = options.eventStore ?? (await openConfiguredEventStore(config));
            return instrumentEventStore(store, options.metrics);
          },
        },
        {
          provide: EVENT_SERIALIZER,
          useValue: createEventSerializer(createEventSchemaRegistry(eventUpcasters)),
        },
        {
          provide: CommandExecutor,
          inject: [EVENT_STORE, EVENT_SERIALIZER],
          useFactory: (store: EventStore, serializer: EventSerializer) =>
            new CommandExecutor(store, serializer, {
              clock: options.clock,
              observe: options.metrics
                ? ({ type, outcome }) => options.metrics?.commands.inc({ type, outcome })
                : undefined,
            }),
        },
        {
          provide: OPEN_DEALS_IN_STAGE,
          // The read side is optional: the CLI runs the command side alone and counts from the log.
          inject: [
            EVENT_STORE,
            EVENT_SERIALIZER,
            { token: DOCUMENT_STORE, optional: true },
            { token: ReadYourWrites, optional: true },
          ],
          useFactory: (
            store: EventStore,
            serializer: EventSerializer,
            documents?: DocumentStore,
            readYourWrites?: ReadYourWrites,
          ) => {
            const byLogScan = openDealsByLogScan(store, serializer);
            return documents && readYourWrites
              ? openDealsFromFigures(documents, readYourWrites, store, byLogScan)
              : byLogScan;
          },
        },
        ExecuteDomainCommandHandler,
        ProcessManagers,
        ...(options.metrics ? [{ provide: CrmMetrics, useValue: options.metrics }] : []),
      ],
      exports: [
        APP_CONFIG,
        CLOCK,
        EVENT_STORE,
        EVENT_SERIALIZER,
        CommandExecutor,
        ProcessManagers,
        ...(options.metrics ? [CrmMetrics] : []),
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
