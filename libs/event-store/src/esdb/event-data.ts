import { EventData, jsonEvent } from '@eventstore/db-client';
import { EventToAppend } from '../event-store';
import { EventNotAppendableError } from '../errors';

/** EventStoreDB stores event ids as UUIDs; anything else the client would fail on obscurely. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The JSON text of `value`, or a clear refusal naming what cannot be written. */
const jsonOf = (value: unknown, what: string, event: EventToAppend): string => {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    // A bigint, a cycle, a throwing toJSON: the client would throw inside a promise executor,
    // leaving the append unsettled and the rejection unhandled.
    const reason = error instanceof Error ? error.message : String(error);
    throw new EventNotAppendableError(event.id, event.type, `${what} is not JSON: ${reason}`);
  }
  if (text === undefined || !text.startsWith('{')) {
    throw new EventNotAppendableError(event.id, event.type, `${what} is not a JSON object`);
  }
  return text;
};

/**
 * An event to append as the client's JSON event. The id is passed through, never generated, so
 * EventStoreDB's own idempotency (by event id) applies to a retried append. Metadata is stored
 * as the JSON object it is, `$correlationId` and `$causationId` untouched (EventStoreDB's
 * correlation projection reads them). An event the client could not write (an id that is not a
 * UUID, data or metadata JSON cannot represent) is refused here, before the client sees it.
 */
export const toEventData = (event: EventToAppend): EventData => {
  if (!UUID.test(event.id)) {
    throw new EventNotAppendableError(event.id, event.type, 'its id is not a UUID');
  }
  jsonOf(event.data, 'its data', event);
  jsonOf(event.metadata, 'its metadata', event);
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
};
