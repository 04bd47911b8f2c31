import {
  computeTicketSla,
  TicketClosed,
  TicketOpened,
  TicketReopened,
  TicketReplied,
  TicketReplyAuthor,
  TicketResolved,
} from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { TicketDocument } from './tickets.document';
import { ticketsProjection } from './tickets.projection';

/** The events and the fold the tickets projection specs share. */
export const ticketId = 'ticket-1';
export const openedAt = '2026-01-15T09:00:00.000Z';
export const at = (hour: number) => `2026-01-15T${String(hour).padStart(2, '0')}:00:00.000Z`;

export const spec = ProjectionSpecification.for(ticketsProjection);
/** Folds events the way the runner does; see ProjectionSpecification for what it checks. */
export const project = (
  events: readonly ProjectedEvent[],
  start?: ReadonlyMap<string, TicketDocument>,
) => spec.given(events, start).documents();
export const projectOne = (events: ProjectedEvent[]) => project(events).get(`acme:${ticketId}`);

export type Options = { tenantId?: string; recordedAt?: string };

export const opened = (data: Partial<TicketOpened['data']> = {}, options: Options = {}) =>
  projectedEvent<TicketOpened>(
    {
      type: 'TicketOpened',
      data: {
        ticketId,
        contactId: 'contact-1',
        accountId: 'account-1',
        channel: 'email',
        priority: 'normal',
        subject: 'Invoice shows the wrong VAT number',
        description: 'See attached invoice.',
        openedAt,
        sla: computeTicketSla(openedAt, 'normal'),
        ...data,
      },
    },
    { recordedAt: openedAt, ...options },
  );
export const replied = (author: TicketReplyAuthor, hour: number, isFirstResponse = false) =>
  projectedEvent<TicketReplied>({
    type: 'TicketReplied',
    data: {
      ticketId,
      author,
      authorId: `${author}-1`,
      body: 'Hello',
      repliedAt: at(hour),
      isFirstResponse,
    },
  });
export const resolved = (hour: number) =>
  projectedEvent<TicketResolved>({
    type: 'TicketResolved',
    data: { ticketId, resolution: 'VAT number fixed', resolvedAt: at(hour) },
  });
export const reopened = (hour: number) =>
  projectedEvent<TicketReopened>({
    type: 'TicketReopened',
    data: { ticketId, reason: 'still wrong', reopenedAt: at(hour) },
  });
export const closed = (hour: number, options: Options = {}) =>
  projectedEvent<TicketClosed>(
    { type: 'TicketClosed', data: { ticketId, closedAt: at(hour) } },
    options,
  );
