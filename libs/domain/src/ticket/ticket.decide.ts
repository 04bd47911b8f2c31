import { ticketErrors } from './ticket.errors';
import { TicketCommand } from './ticket.commands';
import { TicketEvent } from './ticket.events';
import { RecordTicketSlaBreach } from './ticket.commands';
import { slaTargetMissedFrom, slaTargetProgress } from './ticket.sla-breach';
import { computeTicketSla } from './ticket.sla-policy';
import { TicketState } from './ticket.state';

type ExistingTicket = Extract<TicketState, { exists: true }>;

/** Any existing ticket that is not closed: closed is final. */
const assertNotClosed = (state: TicketState, ticketId: string): ExistingTicket => {
  if (!state.exists) throw ticketErrors.notFound(ticketId);
  if (state.status === 'closed') {
    throw ticketErrors.rule('TICKET_CLOSED', `ticket ${ticketId} is closed`, {
      status: state.status,
    });
  }
  return state;
};

/** A ticket still being worked on. */
const assertOpen = (state: TicketState, ticketId: string): ExistingTicket => {
  const ticket = assertNotClosed(state, ticketId);
  if (ticket.status === 'resolved') {
    throw ticketErrors.rule('TICKET_RESOLVED', `ticket ${ticketId} is resolved; reopen it first`, {
      status: ticket.status,
    });
  }
  return ticket;
};

/**
 * A breach is recorded once per deadline, only when the ticket's current deadline for the target
 * is the one named and it has passed unmet at the command's moment. A closed ticket still takes
 * it: the breach is a fact about the past (a deadline missed while the detector was down).
 */
const recordBreach = (command: RecordTicketSlaBreach, state: TicketState): TicketEvent[] => {
  if (!state.exists) throw ticketErrors.notFound(command.data.ticketId);
  const { ticketId, target, dueAt } = command.data;
  const progress = slaTargetProgress(
    {
      sla: state.sla,
      open: state.status === 'open',
      firstRespondedAt: state.firstRespondedAt,
      settledAt: state.settledAt,
    },
    target,
  );
  if (state.breachesRecorded[target].includes(progress.dueAt) && progress.dueAt === dueAt) {
    return [];
  }
  const missedFrom = slaTargetMissedFrom(progress);
  const now = command.metadata.now;
  if (
    progress.dueAt !== dueAt ||
    missedFrom === undefined ||
    now.getTime() <= Date.parse(missedFrom)
  ) {
    throw ticketErrors.rule(
      'TICKET_SLA_NOT_BREACHED',
      `the ${target} target of ticket ${ticketId} due at ${dueAt} is not missed`,
      {
        target,
        dueAt: progress.dueAt,
        ...(progress.reachedAt !== undefined && { reachedAt: progress.reachedAt }),
      },
    );
  }
  const data = { ticketId, priority: state.sla.priority, dueAt, breachedAt: now.toISOString() };
  return target === 'first-response'
    ? [{ type: 'TicketFirstResponseBreached', data }]
    : [{ type: 'TicketResolutionBreached', data }];
};

export const decideTicket = (command: TicketCommand, state: TicketState): TicketEvent[] => {
  const now = command.metadata.now.toISOString();
  switch (command.type) {
    case 'OpenTicket':
      if (state.exists) throw ticketErrors.alreadyExists(command.data.ticketId);
      return [
        {
          type: 'TicketOpened',
          data: {
            ...command.data,
            openedAt: now,
            sla: computeTicketSla(now, command.data.priority),
          },
        },
      ];
    case 'AssignTicket': {
      const ticket = assertOpen(state, command.data.ticketId);
      const { ticketId, agentId } = command.data;
      if (agentId === null) {
        if (ticket.assigneeId === undefined) return [];
        return [
          { type: 'TicketUnassigned', data: { ticketId, previousAgentId: ticket.assigneeId } },
        ];
      }
      if (ticket.assigneeId === agentId) return [];
      return [
        {
          type: 'TicketAssigned',
          data: {
            ticketId,
            agentId,
            ...(ticket.assigneeId !== undefined && { previousAgentId: ticket.assigneeId }),
          },
        },
      ];
    }
    case 'ReplyToTicket': {
      const ticket = assertOpen(state, command.data.ticketId);
      const isFirstResponse =
        command.data.author === 'agent' && ticket.firstRespondedAt === undefined;
      return [
        { type: 'TicketReplied', data: { ...command.data, repliedAt: now, isFirstResponse } },
      ];
    }
    case 'ChangeTicketPriority': {
      const ticket = assertOpen(state, command.data.ticketId);
      if (ticket.priority === command.data.priority) return [];
      return [
        {
          type: 'TicketPriorityChanged',
          data: {
            ticketId: command.data.ticketId,
            previousPriority: ticket.priority,
            priority: command.data.priority,
            sla: computeTicketSla(ticket.openedAt, command.data.priority),
          },
        },
      ];
    }
    case 'EscalateTicket': {
      const ticket = assertOpen(state, command.data.ticketId);
      return [
        {
          type: 'TicketEscalated',
          data: { ...command.data, level: ticket.escalationLevel + 1, escalatedAt: now },
        },
      ];
    }
    case 'ResolveTicket':
      assertOpen(state, command.data.ticketId);
      return [{ type: 'TicketResolved', data: { ...command.data, resolvedAt: now } }];
    case 'ReopenTicket': {
      const ticket = assertNotClosed(state, command.data.ticketId);
      if (ticket.status !== 'resolved') {
        throw ticketErrors.rule(
          'TICKET_NOT_RESOLVED',
          `ticket ${command.data.ticketId} is ${ticket.status}; only a resolved ticket reopens`,
          { status: ticket.status },
        );
      }
      return [{ type: 'TicketReopened', data: { ...command.data, reopenedAt: now } }];
    }
    case 'CloseTicket':
      assertNotClosed(state, command.data.ticketId);
      return [{ type: 'TicketClosed', data: { ...command.data, closedAt: now } }];
    case 'RecordTicketSlaBreach':
      return recordBreach(command, state);
  }
};
