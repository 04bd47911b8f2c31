import { StoredEvent } from '@crm/event-store';
import { createHash } from 'node:crypto';
import { CommandContext, processPrincipal } from '../command-context';

/**
 * The context of a command a process issues for an event: on behalf of the event's principal,
 * caused by the event, and idempotent under `key` (derived from the event), so a replay after a
 * crash appends nothing twice.
 */
export const processCommandContext = (
  processName: string,
  event: StoredEvent,
  key: string,
  intent: object,
): CommandContext => {
  const principal = processPrincipal(processName, event.metadata.principal);
  return {
    tenantId: event.metadata.tenantId,
    actorId: principal.subject,
    principal,
    commandId: key,
    correlationId: event.metadata.$correlationId,
    causationId: event.id,
    idempotencyKey: key,
    requestHash: createHash('sha256').update(JSON.stringify(intent)).digest('hex'),
  };
};
