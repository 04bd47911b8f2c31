import { IsoDateTime } from '../shared';
import { TicketPriority, TicketSla } from './ticket.sla-policy';

export type TicketStatus = 'open' | 'resolved' | 'closed';

export type TicketState =
  | { exists: false }
  | {
      exists: true;
      ticketId: string;
      status: TicketStatus;
      priority: TicketPriority;
      openedAt: IsoDateTime;
      sla: TicketSla;
      assigneeId?: string;
      /** Set by the first agent reply; later replies are never first responses. */
      firstRespondedAt?: IsoDateTime;
      /** 0 until the first escalation, then 1, 2, ... */
      escalationLevel: number;
    };

export const initialTicketState = (): TicketState => ({ exists: false });
