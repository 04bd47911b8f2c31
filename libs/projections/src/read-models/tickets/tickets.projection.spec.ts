import {
  computeTicketSla,
  DomainEvent,
  TicketAssigned,
  TicketEscalated,
  TicketPriorityChanged,
} from '@crm/domain';
import { projectedEvent } from '@crm/testing';
import { TicketDocument } from './tickets.document';
import { ticketsProjection } from './tickets.projection';
import {
  ticketId,
  openedAt,
  at,
  project,
  projectOne,
  opened,
  replied,
  resolved,
  reopened,
  closed,
} from './tickets.fixtures';

describe('tickets projection', () => {
  it('declares its collection, indexes and the ticket events it reads', () => {
    expect(ticketsProjection.name).toBe('tickets');
    expect(ticketsProjection.indexes).toEqual([
      { fields: ['tenantId', 'contactId'] },
      { fields: ['tenantId', 'accountId'] },
      { fields: ['tenantId', 'status'] },
      { fields: ['tenantId', 'assigneeId'] },
      { fields: ['tenantId', 'status', '_slaBreachedFrom', 'openedAt', 'ticketId'] },
      { fields: ['_firstResponseMissedFrom'] },
      { fields: ['_resolutionMissedFrom'] },
    ]);
    expect([...ticketsProjection.handles].sort()).toEqual([
      'TicketAssigned',
      'TicketClosed',
      'TicketEscalated',
      'TicketFirstResponseBreached',
      'TicketOpened',
      'TicketPriorityChanged',
      'TicketReopened',
      'TicketReplied',
      'TicketResolutionBreached',
      'TicketResolved',
      'TicketUnassigned',
    ]);
    expect(ticketsProjection.handles.has('NoteLogged')).toBe(false);
    expect(
      ticketsProjection.documentIds(
        projectedEvent<DomainEvent>({ type: 'TaskScheduled', data: { taskId: 'x' } }),
      ),
    ).toEqual([]);
  });

  it('TicketOpened creates an open ticket with its SLA', () => {
    expect(projectOne([opened()])).toEqual({
      _id: 'acme:ticket-1',
      tenantId: 'acme',
      ticketId,
      contactId: 'contact-1',
      accountId: 'account-1',
      channel: 'email',
      priority: 'normal',
      subject: 'Invoice shows the wrong VAT number',
      status: 'open',
      openedAt,
      sla: {
        priority: 'normal',
        firstResponseMinutes: 480,
        resolutionMinutes: 2880,
        firstResponseDueAt: '2026-01-15T17:00:00.000Z',
        resolutionDueAt: '2026-01-17T09:00:00.000Z',
      },
      escalationLevel: 0,
      replyCount: { agent: 0, customer: 0 },
      reopenCount: 0,
      lastActivityAt: openedAt,
      _firstResponseMissedFrom: '2026-01-15T17:00:00.000Z',
      _resolutionMissedFrom: '2026-01-17T09:00:00.000Z',
      _slaBreachedFrom: '2026-01-15T17:00:00.000Z',
    });
    expect(projectOne([opened({ accountId: undefined })])).not.toHaveProperty('accountId');
  });

  it('TicketAssigned sets the assignee, at the time it was recorded', () => {
    const assign = (agentId: string, hour: number, previousAgentId?: string) =>
      projectedEvent<TicketAssigned>(
        {
          type: 'TicketAssigned',
          data: { ticketId, agentId, ...(previousAgentId && { previousAgentId }) },
        },
        { recordedAt: at(hour) },
      );
    const ticket = projectOne([opened(), assign('agent-1', 10), assign('agent-2', 11, 'agent-1')]);
    expect(ticket).toMatchObject({ assigneeId: 'agent-2', lastActivityAt: at(11) });
  });

  it('TicketReplied counts replies by author and keeps the first agent response', () => {
    const ticket = projectOne([
      opened(),
      replied('customer', 10),
      replied('agent', 11, true),
      replied('customer', 12),
      replied('agent', 13),
    ]);
    expect(ticket).toMatchObject({
      replyCount: { agent: 2, customer: 2 },
      firstResponseAt: at(11),
      lastActivityAt: at(13),
    });
    expect(projectOne([opened(), replied('customer', 10)])).not.toHaveProperty('firstResponseAt');
    expect(
      projectOne([opened(), replied('agent', 11, true), replied('agent', 12, true)]),
    ).toMatchObject({ firstResponseAt: at(11) });
  });

  it('TicketReplied from an unknown author is corrupt data', () => {
    const current = projectOne([opened()]);
    const corrupt = projectedEvent<DomainEvent>({
      type: 'TicketReplied',
      data: {
        ticketId,
        author: 'bot',
        authorId: 'b',
        body: '',
        repliedAt: at(10),
        isFirstResponse: false,
      },
    });
    expect(() => ticketsProjection.evolve(current, corrupt, 'acme:ticket-1')).toThrow(
      /unknown author/,
    );
  });

  it('TicketPriorityChanged takes the recomputed SLA', () => {
    const changed = projectedEvent<TicketPriorityChanged>(
      {
        type: 'TicketPriorityChanged',
        data: {
          ticketId,
          previousPriority: 'normal',
          priority: 'urgent',
          sla: computeTicketSla(openedAt, 'urgent'),
        },
      },
      { recordedAt: at(10) },
    );
    expect(projectOne([opened(), changed])).toMatchObject({
      priority: 'urgent',
      sla: {
        priority: 'urgent',
        firstResponseMinutes: 30,
        resolutionMinutes: 480,
        firstResponseDueAt: '2026-01-15T09:30:00.000Z',
        resolutionDueAt: '2026-01-15T17:00:00.000Z',
      },
      lastActivityAt: at(10),
    });
  });

  it('TicketEscalated records the escalation level', () => {
    const escalated = (level: number, hour: number) =>
      projectedEvent<TicketEscalated>({
        type: 'TicketEscalated',
        data: { ticketId, level, reason: 'VIP customer', escalatedAt: at(hour) },
      });
    expect(projectOne([opened(), escalated(1, 10), escalated(2, 12)])).toMatchObject({
      escalationLevel: 2,
      lastActivityAt: at(12),
    });
  });

  it('TicketResolved and TicketReopened: resolvedAt is the resolution in force, none once reopened', () => {
    expect(projectOne([opened(), resolved(10)])).toMatchObject({
      status: 'resolved',
      resolvedAt: at(10),
      lastActivityAt: at(10),
    });
    const reopenedTicket = projectOne([opened(), resolved(10), reopened(11)]);
    expect(reopenedTicket).toMatchObject({
      status: 'open',
      reopenCount: 1,
      lastActivityAt: at(11),
    });
    expect(reopenedTicket).not.toHaveProperty('resolvedAt');
    expect(
      projectOne([opened(), resolved(10), reopened(11), resolved(12), reopened(13), resolved(14)]),
    ).toMatchObject({ status: 'resolved', resolvedAt: at(14), reopenCount: 2 });
  });

  it('TicketClosed closes the ticket, resolved or not', () => {
    expect(projectOne([opened(), resolved(10), closed(15)])).toMatchObject({
      status: 'closed',
      resolvedAt: at(10),
      closedAt: at(15),
      lastActivityAt: at(15),
    });
    const closedUnresolved = projectOne([opened(), closed(9)]);
    expect(closedUnresolved).toMatchObject({ status: 'closed', closedAt: at(9) });
    expect(closedUnresolved).not.toHaveProperty('resolvedAt');
  });

  it('never mutates the current document and ignores events for tickets it never saw', () => {
    const before = projectOne([opened()]) as TicketDocument;
    const frozen = structuredClone(before);
    ticketsProjection.evolve(before, replied('agent', 10, true), before._id);
    ticketsProjection.evolve(before, closed(11), before._id);
    expect(before).toEqual(frozen);
    expect(ticketsProjection.evolve(undefined, closed(11), 'acme:ticket-1')).toBeUndefined();
  });

  it('keeps tenants apart, even for the same ticket id', () => {
    const documents = project([
      opened({}, { tenantId: 'acme' }),
      opened({ subject: 'Globex login fails' }, { tenantId: 'globex' }),
      closed(12, { tenantId: 'globex' }),
    ]);
    expect(ticketsProjection.documentIds(closed(12, { tenantId: 'globex' }))).toEqual([
      'globex:ticket-1',
    ]);
    expect(documents.get('acme:ticket-1')).toMatchObject({ tenantId: 'acme', status: 'open' });
    expect(documents.get('globex:ticket-1')).toMatchObject({
      tenantId: 'globex',
      subject: 'Globex login fails',
      status: 'closed',
    });
  });
});
