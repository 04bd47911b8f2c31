import { EventStore } from '@crm/event-store';
import { randomUUID } from 'node:crypto';

/**
 * Checkpoints and parked failures of process managers, kept as streams in the event store
 * itself so they work on every adapter. The stream names have no tenant, so no domain reader
 * mistakes them for records.
 */
export const checkpointStream = (processName: string): string =>
  `crmprocess-checkpoint.${processName}`;
export const parkedStream = (processName: string): string => `crmprocess-parked.${processName}`;

export const isProcessStream = (streamName: string): boolean =>
  streamName.startsWith('crmprocess-');

/**
 * The process's last checkpoint: the position it has handled up to, and where that checkpoint
 * itself stands in the log (after every command the process issued for what it handled).
 */
export const loadCheckpointEntry = async (
  store: EventStore,
  processName: string,
): Promise<{ handled: bigint; at: bigint } | undefined> => {
  const [last] = await store.readStream(checkpointStream(processName), {
    direction: 'backwards',
    maxCount: 1,
  });
  return last ? { handled: BigInt(String(last.data.position)), at: last.position } : undefined;
};

export const loadCheckpoint = async (
  store: EventStore,
  processName: string,
): Promise<bigint | undefined> => (await loadCheckpointEntry(store, processName))?.handled;

/** Only the last checkpoint is ever read; a few more are kept for diagnosis. */
export const CHECKPOINTS_RETAINED = 10;

export const saveCheckpoint = async (
  store: EventStore,
  processName: string,
  position: bigint,
): Promise<void> => {
  await store.appendToStream(
    checkpointStream(processName),
    [
      {
        id: randomUUID(),
        type: 'ProcessCheckpointed.v1',
        data: { position: position.toString() },
        metadata: {},
      },
    ],
    // One event per handled event: on EventStoreDB the stream keeps only its last few.
    { retainLast: CHECKPOINTS_RETAINED },
  );
};

export const parkEvent = async (
  store: EventStore,
  processName: string,
  event: { id: string; streamName: string; position: bigint; type: string },
  error: unknown,
): Promise<void> => {
  await store.appendToStream(parkedStream(processName), [
    {
      id: randomUUID(),
      type: 'ProcessEventParked.v1',
      data: {
        eventId: event.id,
        streamName: event.streamName,
        eventType: event.type,
        position: event.position.toString(),
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        errorCode: errorCodeOf(error),
      },
      metadata: {},
    },
  ]);
};

const errorCodeOf = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : null;
};
