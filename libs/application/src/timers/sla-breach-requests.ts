import { TicketSlaTarget } from '@crm/domain';
import { TicketDocument } from '@crm/projections';
import { Filter } from '@crm/read-store';
import { createHash } from 'node:crypto';
import { CommandContext, processPrincipal } from '../command-context';
import { CommandRequest } from '../processes/command-request';

export const SLA_BREACH_PROCESS = 'sla-breaches';

/** The tickets read model's store field holding a target's unrecorded missed deadline. */
export const MISSED_FROM_FIELD = {
  'first-response': '_firstResponseMissedFrom',
  resolution: '_resolutionMissedFrom',
} as const satisfies Record<TicketSlaTarget, keyof TicketDocument>;

/** Tickets of every tenant whose target's deadline has passed unmet and unrecorded at `now`. */
export const dueBreachesFilter = (target: TicketSlaTarget, now: Date): Filter => ({
  [MISSED_FROM_FIELD[target]]: { $lt: now.toISOString() },
});

/**
 * The breach command for one ticket's missed deadline. Its idempotency key is the ticket, the
 * target and the deadline, so a check repeated (a restart, a second replica, a read model that
 * has not caught up yet) appends nothing the second time.
 */
export const breachRequest = (
  ticket: TicketDocument,
  target: TicketSlaTarget,
): CommandRequest<'ticket'> | undefined => {
  const dueAt = ticket[MISSED_FROM_FIELD[target]];
  if (dueAt === undefined) return undefined;
  const data = { ticketId: ticket.ticketId, target, dueAt };
  const idempotencyKey = `${SLA_BREACH_PROCESS}:${ticket.ticketId}:${target}:${dueAt}`;
  const principal = processPrincipal(SLA_BREACH_PROCESS);
  const context: CommandContext = {
    tenantId: ticket.tenantId,
    actorId: principal.subject,
    principal,
    commandId: idempotencyKey,
    correlationId: idempotencyKey,
    // The read model does not keep the id of the event that set the deadline.
    causationId: idempotencyKey,
    idempotencyKey,
    requestHash: createHash('sha256').update(JSON.stringify(data)).digest('hex'),
  };
  return {
    kind: 'ticket',
    recordId: ticket.ticketId,
    intent: { type: 'RecordTicketSlaBreach', data },
    context,
  };
};
