import { EventData, jsonEvent } from '@eventstore/db-client';
import { EventToAppend } from '../event-store';

/**
 * An event to append as the client's JSON event. The id is passed through, never generated, so
 * EventStoreDB's own idempotency (by event id) applies to a retried append. Metadata is stored
 * as the JSON object it is, `$correlationId` and `$causationId` untouched (EventStoreDB's
 * correlation projection reads them).
 */
export const toEventData = (event: EventToAppend): EventData =>
  jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
