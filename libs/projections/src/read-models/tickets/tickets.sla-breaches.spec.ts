import {
  computeTicketSla,
  TicketFirstResponseBreached,
  TicketPriorityChanged,
  TicketResolutionBreached,
} from '@crm/domain';
import { projectedEvent } from '@crm/testing';
import { TicketDocument } from './tickets.document';
import {
  closed,
  openedAt,
  opened,
  projectOne,
  reopened,
  replied,
  resolved,
  ticketId,
} from './tickets.fixtures';

describe('tickets projection: SLA breaches', () => {
  const firstResponseDueAt = '2026-01-15T17:00:00.000Z';
  const resolutionDueAt = '2026-01-17T09:00:00.000Z';
  const firstResponseBreached = (dueAt = firstResponseDueAt) =>
    projectedEvent<TicketFirstResponseBreached>({
      type: 'TicketFirstResponseBreached',
      data: { ticketId, priority: 'normal', dueAt, breachedAt: '2026-01-15T17:00:02.000Z' },
    });
  const resolutionBreached = projectedEvent<TicketResolutionBreached>({
    type: 'TicketResolutionBreached',
    data: {
      ticketId,
      priority: 'normal',
      dueAt: resolutionDueAt,
      breachedAt: '2026-01-17T09:00:02.000Z',
    },
  });
  const missedFrom = (ticket: TicketDocument | undefined) => ({
    firstResponse: ticket?._firstResponseMissedFrom,
    resolution: ticket?._resolutionMissedFrom,
  });

  it('shows the recorded breaches, oldest first, and no activity for them', () => {
    const ticket = projectOne([opened(), firstResponseBreached(), resolutionBreached]);
    expect(ticket?.slaBreaches).toEqual([
      {
        target: 'first-response',
        dueAt: firstResponseDueAt,
        breachedAt: '2026-01-15T17:00:02.000Z',
        priority: 'normal',
      },
      {
        target: 'resolution',
        dueAt: resolutionDueAt,
        breachedAt: '2026-01-17T09:00:02.000Z',
        priority: 'normal',
      },
    ]);
    expect(ticket?.lastActivityAt).toBe(openedAt);
    expect(projectOne([opened()])).not.toHaveProperty('slaBreaches');
  });

  it('keeps the deadline of each target not met and not yet recorded, for the detector', () => {
    expect(missedFrom(projectOne([opened()]))).toEqual({
      firstResponse: firstResponseDueAt,
      resolution: resolutionDueAt,
    });
    expect(missedFrom(projectOne([opened(), firstResponseBreached()]))).toEqual({
      firstResponse: undefined,
      resolution: resolutionDueAt,
    });
    expect(missedFrom(projectOne([opened(), replied('agent', 10, true), resolved(12)]))).toEqual({
      firstResponse: undefined,
      resolution: undefined,
    });
    expect(missedFrom(projectOne([opened(), replied('agent', 18, true)]))).toEqual({
      firstResponse: firstResponseDueAt,
      resolution: resolutionDueAt,
    });
    expect(missedFrom(projectOne([opened(), closed(12)]))).toEqual({
      firstResponse: undefined,
      resolution: undefined,
    });
  });

  it('follows a priority change to its new deadline, and a reopening back to pending', () => {
    const changed = projectedEvent<TicketPriorityChanged>({
      type: 'TicketPriorityChanged',
      data: {
        ticketId,
        previousPriority: 'normal',
        priority: 'low',
        sla: computeTicketSla(openedAt, 'low'),
      },
    });
    expect(missedFrom(projectOne([opened(), firstResponseBreached(), changed]))).toEqual({
      firstResponse: '2026-01-16T09:00:00.000Z',
      resolution: '2026-01-20T09:00:00.000Z',
    });
    expect(
      missedFrom(projectOne([opened(), replied('agent', 10, true), resolved(12), reopened(13)])),
    ).toEqual({ firstResponse: undefined, resolution: resolutionDueAt });
    expect(
      missedFrom(projectOne([opened(), resolutionBreached, resolved(12), reopened(13)])),
    ).toMatchObject({ resolution: undefined });
  });
});
