import { TicketEvent } from './ticket.events';
import { TicketSlaTarget } from './ticket.sla-breach';
import { TicketState } from './ticket.state';

type ExistingTicket = Extract<TicketState, { exists: true }>;

const withBreachRecorded = (
  state: ExistingTicket,
  target: TicketSlaTarget,
  dueAt: string,
): ExistingTicket => ({
  ...state,
  breachesRecorded: {
    ...state.breachesRecorded,
    [target]: [...state.breachesRecorded[target], dueAt],
  },
});

export const evolveTicket = (state: TicketState, event: TicketEvent): TicketState => {
  switch (event.type) {
    case 'TicketOpened':
      return {
        exists: true,
        ticketId: event.data.ticketId,
        status: 'open',
        priority: event.data.priority,
        openedAt: event.data.openedAt,
        sla: event.data.sla,
        escalationLevel: 0,
        breachesRecorded: { 'first-response': [], resolution: [] },
      };
    case 'TicketAssigned':
      return state.exists ? { ...state, assigneeId: event.data.agentId } : state;
    case 'TicketUnassigned':
      return state.exists ? { ...state, assigneeId: undefined } : state;
    case 'TicketReplied':
      return state.exists && event.data.isFirstResponse
        ? { ...state, firstRespondedAt: event.data.repliedAt }
        : state;
    case 'TicketPriorityChanged':
      return state.exists
        ? { ...state, priority: event.data.priority, sla: event.data.sla }
        : state;
    case 'TicketEscalated':
      return state.exists ? { ...state, escalationLevel: event.data.level } : state;
    case 'TicketResolved':
      return state.exists
        ? { ...state, status: 'resolved', settledAt: event.data.resolvedAt }
        : state;
    case 'TicketReopened':
      return state.exists ? { ...state, status: 'open', settledAt: undefined } : state;
    case 'TicketClosed':
      return state.exists
        ? { ...state, status: 'closed', settledAt: state.settledAt ?? event.data.closedAt }
        : state;
    case 'TicketFirstResponseBreached':
      return state.exists ? withBreachRecorded(state, 'first-response', event.data.dueAt) : state;
    case 'TicketResolutionBreached':
      return state.exists ? withBreachRecorded(state, 'resolution', event.data.dueAt) : state;
  }
};
