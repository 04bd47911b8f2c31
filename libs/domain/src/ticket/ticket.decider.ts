import { Decider } from '../shared';
import { TicketCommand } from './ticket.commands';
import { decideTicket } from './ticket.decide';
import { TicketEvent } from './ticket.events';
import { evolveTicket } from './ticket.evolve';
import { initialTicketState, TicketState } from './ticket.state';

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  initialState: initialTicketState,
  evolve: evolveTicket,
  decide: decideTicket,
};
