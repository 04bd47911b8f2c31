import {
  chainEvents,
  EventStore,
  EventToAppend,
  JsonObject,
  lastLinkOf,
  PrincipalRecord,
  WrongExpectedRevisionError,
} from '@crm/event-store';
import { randomUUID } from 'node:crypto';

/** Who changed an administrative stream (API keys, webhooks), for which tenant, when. */
export type AdministrativeChange = {
  tenantId: string;
  commandType: string;
  by: PrincipalRecord;
  at: Date;
};

const MAX_ATTEMPTS = 10;

/** An event of an administrative change, with the metadata a command's events carry. */
export const administrativeEvent = (
  type: string,
  data: object,
  { tenantId, commandType, by, at }: AdministrativeChange,
): EventToAppend => {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type,
    data: data as unknown as JsonObject,
    metadata: {
      tenantId,
      actorId: by.subject,
      principal: by as unknown as JsonObject,
      commandId,
      commandType,
      $correlationId: commandId,
      $causationId: commandId,
      recordedAt: at.toISOString(),
    },
  };
};

/**
 * Appends `event` to `stream`, hash-chained to the stream's last event, reading the stream again
 * after a concurrent append (up to 10 times). False, and nothing appended, when
 * `onlyIntoEmptyStream` and the stream already holds events.
 */
export const appendChained = async (
  store: EventStore,
  stream: string,
  event: EventToAppend,
  onlyIntoEmptyStream = false,
): Promise<boolean> => {
  for (let attempt = 1; ; attempt++) {
    const stored = await store.readStream(stream);
    const last = stored[stored.length - 1];
    if (onlyIntoEmptyStream && last) return false;
    try {
      await store.appendToStream(stream, chainEvents(lastLinkOf(stored), [event]), {
        expectedRevision: last ? last.revision : 'no_stream',
      });
      return true;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt === MAX_ATTEMPTS) throw error;
    }
  }
};
