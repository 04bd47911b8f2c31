import {
  createEventSchemaRegistry,
  createEventSerializer,
  EventSerializer,
  EventStore,
} from '@crm/event-store';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-executor';
import { AppConfig } from '../config';
import { openDealsByLogScan } from '../preparation/open-deals-by-log-scan';
import { eventUpcasters } from '../event-upcasters';
import { readSideProviders } from '../read-side/read-side.providers';
import { ProcessManagers } from '../processes/process-managers';
import { appConfigProvider, loadConfiguration } from './configuration';
import { openConfiguredEventStore } from './event-store.provider';
import { ExecuteDomainCommandHandler } from './execute-domain-command.handler';
import { ReadModels } from '@crm/queries';
import { DocumentStore } from '@crm/read-store';
import { ReadYourWrites } from '../read-side/read-your-writes';
import { CrmMetrics } from '../metrics/crm-metrics';
import { instrumentEventStore } from '../metrics/instrumented-event-store';
import { ReadSideMetrics } from '../metrics/read-side-metrics';
import {
  APP_CONFIG,
  CLOCK,
  DOCUMENT_STORE,
  EVENT_SERIALIZER,
  EVENT_STORE,
  OPEN_DEALS_IN_STAGE,
  PROJECTION_RUNNER,
  READ_SIDE_PROGRESS,
} from './tokens';

export type ApplicationModuleOptions = {
  /** The validated configuration; it reaches the providers as APP_CONFIG through ConfigService. */
  config: AppConfig;
  /** The ConfigModule that validated `config` (createApp's); built from `config` when absent. */
  configModule?: DynamicModule;
  /** Overrides the configured stores (tests hand in in-memory ones). */
  eventStore?: EventStore;
  documentStore?: DocumentStore;
  clock?: () => Date;
  /** Given (the API), commands, appends and the read side are measured into it. */
  metrics?: CrmMetrics;
};

/** The command side: the event store, the one command path and the CommandBus handler. */
@Module({})
export class ApplicationModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: ApplicationModuleOptions): DynamicModule {
    return {
      module: ApplicationModule,
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
          inject: [EVENT_STORE, EVENT_SERIALIZER],
          useFactory: openDealsByLogScan,
        },
        ExecuteDomainCommandHandler,
        ProcessManagers,
        ...readSideProviders(options.documentStore, options.metrics),
        ...(options.metrics
          ? [{ provide: CrmMetrics, useValue: options.metrics }, ReadSideMetrics]
          : []),
      ],
      exports: [
        APP_CONFIG,
        CLOCK,
        EVENT_STORE,
        EVENT_SERIALIZER,
        CommandExecutor,
        DOCUMENT_STORE,
        PROJECTION_RUNNER,
        READ_SIDE_PROGRESS,
        ReadModels,
        ReadYourWrites,
        ...(options.metrics ? [CrmMetrics] : []),
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
