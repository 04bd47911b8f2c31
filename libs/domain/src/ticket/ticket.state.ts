import { IsoDateTime } from '../shared';
import { TicketSlaTarget } from './ticket.sla-breach';
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
      /** The current resolution, or the closing of an unresolved ticket; cleared on reopening. */
      settledAt?: IsoDateTime;
      /** 0 until the first escalation, then 1, 2, ... */
      escalationLevel: number;
      /** The deadlines whose breach is recorded, per target (a priority change sets new ones). */
      breachesRecorded: Record<TicketSlaTarget, readonly IsoDateTime[]>;
    };

export const initialTicketState = (): TicketState => ({ exists: false });
