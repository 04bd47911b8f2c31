import { KindCatalogue, NO_ROUTE } from './command-entry';
import { IntentsOf } from './command-types';

export type TicketIntents = IntentsOf<'ticket'>;

export const ticketCatalogue = {
  OpenTicket: {
    creates: true,
    permission: 'ticket:open',
    references: [
      { field: 'contactId', kind: 'contact' },
      { field: 'accountId', kind: 'account' },
    ],
    route: {
      method: 'POST',
      path: '/tickets',
      summary: 'Open a support ticket; its priority sets the SLA',
      handler: 'open',
    },
  },
  AssignTicket: {
    permission: 'ticket:assign',
    route: {
      method: 'POST',
      path: '/tickets/:id/assign',
      summary: 'Assign a ticket to an agent (agentId null unassigns it)',
      handler: 'assign',
    },
  },
  ReplyToTicket: {
    permission: 'ticket:reply',
    route: {
      method: 'POST',
      path: '/tickets/:id/replies',
      summary: 'Reply to a ticket (agent or customer)',
      handler: 'reply',
    },
  },
  ChangeTicketPriority: {
    permission: 'ticket:change-priority',
    route: {
      method: 'POST',
      path: '/tickets/:id/priority',
      summary: "Change a ticket's priority (its SLA is recomputed from opening)",
      handler: 'changePriority',
    },
  },
  EscalateTicket: {
    permission: 'ticket:escalate',
    route: {
      method: 'POST',
      path: '/tickets/:id/escalate',
      summary: 'Escalate a ticket one level',
      handler: 'escalate',
    },
  },
  ResolveTicket: {
    permission: 'ticket:resolve',
    route: {
      method: 'POST',
      path: '/tickets/:id/resolve',
      summary: 'Resolve a ticket',
      handler: 'resolve',
    },
  },
  ReopenTicket: {
    permission: 'ticket:reopen',
    route: {
      method: 'POST',
      path: '/tickets/:id/reopen',
      summary: 'Reopen a resolved ticket',
      handler: 'reopen',
    },
  },
  CloseTicket: {
    permission: 'ticket:close',
    route: {
      method: 'POST',
      path: '/tickets/:id/close',
      summary: 'Close a ticket for good',
      handler: 'close',
    },
  },
  // The SLA breach detector records a missed deadline; a client cannot declare one.
  RecordTicketSlaBreach: { permission: 'ticket:record-sla-breach', route: NO_ROUTE },
} satisfies KindCatalogue<'ticket', TicketIntents>;
