import { createSqliteEventStore, RecordedEvent } from '@crm/event-store';
import { join } from 'node:path';

/** Every event of the log in `dir`, read while no API runs on it. */
export const readLog = async (dir: string): Promise<RecordedEvent[]> => {
  const store = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
};

const typeName = (event: RecordedEvent): string => event.type.split('.')[0];

/** How many events of `type` each triggering event caused, written by `actorId`. */
export const effectsPerTrigger = (
  log: RecordedEvent[],
  type: string,
  actorId: string,
): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const event of log) {
    if (typeName(event) !== type || event.metadata.actorId !== actorId) continue;
    const cause = String(event.metadata.$causationId);
    counts.set(cause, (counts.get(cause) ?? 0) + 1);
  }
  return counts;
};

export const idsOf = (log: RecordedEvent[], type: string): string[] =>
  log.filter((event) => typeName(event) === type).map((event) => event.id);

/** Where the work stood when the API was killed: triggers written and effects recorded so far. */
export type Progress = { contacts: number; ruleRuns: number; delivered: number; timers: number };

export const progressOf = (log: RecordedEvent[]): Progress => ({
  contacts: idsOf(log, 'ContactCreated').length,
  ruleRuns: idsOf(log, 'AutomationRuleRan').length,
  delivered: idsOf(log, 'WebhookDeliverySucceeded').length,
  timers: idsOf(log, 'AutomationTimerFired').length,
});

/** Every trigger counted once each: the map holds exactly these keys, each with count 1. */
export const onceEach = (counts: Map<string, number>, triggers: string[]): Record<string, number> =>
  Object.fromEntries(triggers.map((id) => [id, counts.get(id) ?? 0]).filter(([, n]) => n !== 1));
