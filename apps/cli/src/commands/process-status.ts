import { loadCheckpoint, parkedStream, PROCESS_NAMES } from '@crm/application';
import { EventStore } from '@crm/event-store';

export type ProcessStatus = { name: string; checkpoint?: bigint; parked: number };

/** Every process manager's checkpoint and the number of events it parked, from the log. */
export const processStatuses = (store: EventStore): Promise<ProcessStatus[]> =>
  Promise.all(
    PROCESS_NAMES.map(async (name) => ({
      name,
      checkpoint: await loadCheckpoint(store, name),
      parked: (await store.readStream(parkedStream(name))).length,
    })),
  );

export const totalParked = (statuses: readonly ProcessStatus[]): number =>
  statuses.reduce((sum, status) => sum + status.parked, 0);
