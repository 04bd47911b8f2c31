import {
  AppConfig,
  CommandSideModule,
  EVENT_SERIALIZER,
  EVENT_STORE,
  createLogger,
  loadConfig,
  PinoNestLogger,
} from '@crm/application';
import { createConfiguredDocumentStore } from '@crm/application/read-side/document-store.provider';
import { EventSerializer, EventStore } from '@crm/event-store';
import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

export type CliContextOptions = {
  env: NodeJS.ProcessEnv;
  stderr: NodeJS.WritableStream;
  /** Run the process managers (lead conversion) in this process. */
  runProcesses: boolean;
  /**
   * 'file': the configured read store (one process at a time: fails while the API runs);
   * 'memory': a throw-away one, for commands that only read or write the event log.
   */
  readStore: 'file' | 'memory';
  clock?: () => Date;
};

export type CliContext = {
  app: INestApplicationContext;
  config: AppConfig;
  store: EventStore;
  serializer: EventSerializer;
  documents: DocumentStore;
  close: () => Promise<void>;
};

/**
 * Log lines go to stderr, so stdout carries only a command's output (NDJSON, JSON); warnings
 * and errors only, unless CRM_LOG_LEVEL asks for more.
 */
const cliLogger = (config: AppConfig, stderr: NodeJS.WritableStream) =>
  createLogger({
    service: 'cli',
    format: config.CRM_LOG_FORMAT,
    level: config.CRM_LOG_LEVEL ?? 'warn',
    destination: stderr,
  });

/**
 * The application without HTTP: its command side only (the configured event store, the command
 * path and the process managers). The CLI works on the read store itself (rebuild, status), so no
 * read side runs here (CRM_RUN_PROJECTIONS=false).
 */
export const openCliContext = async (options: CliContextOptions): Promise<CliContext> => {
  const config = loadConfig({
    ...options.env,
    CRM_RUN_PROJECTIONS: 'false',
    CRM_RUN_PROCESSES: String(options.runProcesses),
  });
  const documents =
    options.readStore === 'file'
      ? await createConfiguredDocumentStore(config)
      : createEmbeddedDocumentStore({ path: ':memory:' });
  try {
    const app = await NestFactory.createApplicationContext(
      CommandSideModule.forRoot({ config, clock: options.clock }),
      { logger: new PinoNestLogger(cliLogger(config, options.stderr)), abortOnError: false },
    );
    return {
      app,
      config,
      store: app.get<EventStore>(EVENT_STORE),
      serializer: app.get<EventSerializer>(EVENT_SERIALIZER),
      documents,
      close: async () => {
        try {
          await app.close();
        } finally {
          await documents.close();
        }
      },
    };
  } catch (error) {
    await documents.close();
    throw error;
  }
};
