import { KindCatalogue } from './command-entry';
import { IntentsOf } from './command-types';

export type InteractionIntents = IntentsOf<'interaction'>;

export const interactionCatalogue = {
  LogCall: {
    creates: true,
    permission: 'interaction:log-call',
    references: [
      { field: 'contactId', kind: 'contact' },
      { field: 'accountId', kind: 'account' },
      { field: 'dealId', kind: 'deal' },
      { field: 'ticketId', kind: 'ticket' },
    ],
    route: {
      method: 'POST',
      path: '/interactions/calls',
      summary: 'Log a call with a contact',
      handler: 'logCall',
    },
  },
  LogEmail: {
    creates: true,
    permission: 'interaction:log-email',
    references: [
      { field: 'contactId', kind: 'contact' },
      { field: 'accountId', kind: 'account' },
      { field: 'dealId', kind: 'deal' },
      { field: 'ticketId', kind: 'ticket' },
    ],
    route: {
      method: 'POST',
      path: '/interactions/emails',
      summary: 'Log an email exchanged with a contact',
      handler: 'logEmail',
    },
  },
  LogMeeting: {
    creates: true,
    permission: 'interaction:log-meeting',
    references: [
      { field: 'contactId', kind: 'contact' },
      { field: 'accountId', kind: 'account' },
      { field: 'dealId', kind: 'deal' },
      { field: 'ticketId', kind: 'ticket' },
    ],
    route: {
      method: 'POST',
      path: '/interactions/meetings',
      summary: 'Log a meeting (it may lie ahead)',
      handler: 'logMeeting',
    },
  },
  LogNote: {
    creates: true,
    permission: 'interaction:log-note',
    references: [
      { field: 'contactId', kind: 'contact' },
      { field: 'accountId', kind: 'account' },
      { field: 'dealId', kind: 'deal' },
      { field: 'ticketId', kind: 'ticket' },
    ],
    route: {
      method: 'POST',
      path: '/interactions/notes',
      summary: 'Log a note about a contact',
      handler: 'logNote',
    },
  },
  CorrectInteractionLinks: {
    permission: 'interaction:correct-links',
    references: [
      { field: 'accountId', kind: 'account' },
      { field: 'dealId', kind: 'deal' },
      { field: 'ticketId', kind: 'ticket' },
    ],
    route: {
      method: 'POST',
      path: '/interactions/:id/links',
      summary: 'Correct the account, deal or ticket an interaction is filed under',
      handler: 'correctLinks',
    },
  },
} satisfies KindCatalogue<'interaction', InteractionIntents>;
