import { TicketEvent } from './ticket.events';
import { TicketState } from './ticket.state';

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
      return state.exists ? { ...state, status: 'resolved' } : state;
    case 'TicketReopened':
      return state.exists ? { ...state, status: 'open' } : state;
    case 'TicketClosed':
      return state.exists ? { ...state, status: 'closed' } : state;
  }
};
