import { TicketFacts } from '../facts/ticket.timeline';
import { suffix, Wording } from '../timeline-wording';

export const ticketWording: Wording<TicketFacts> = {
  TicketOpened: ({ channel, priority, subject }) =>
    `Ticket opened (${channel}, ${priority})${suffix(subject)}`,
  TicketReplied: ({ author, isFirstResponse, body }) =>
    `${author === 'agent' ? 'Agent' : 'Customer'} replied${
      isFirstResponse ? ' (first response)' : ''
    }${suffix(body)}`,
  TicketEscalated: ({ level, reason }) => `Ticket escalated to level ${level}${suffix(reason)}`,
  TicketResolved: ({ resolution }) => `Ticket resolved${suffix(resolution)}`,
  TicketReopened: ({ reason }) => `Ticket reopened${suffix(reason)}`,
  TicketClosed: () => 'Ticket closed',
};
