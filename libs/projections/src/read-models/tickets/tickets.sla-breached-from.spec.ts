import fc from 'fast-check';
import { Query } from 'mingo';
import { TicketDocument } from './tickets.document';
import { withSlaOutcome } from './tickets.projection';

/** The breached-tickets condition the list asked before `_slaBreachedFrom` (one test per target). */
const breachedAtBefore = (now: string) =>
  new Query({
    $or: [
      { _firstResponseLate: true },
      { firstResponseAt: { $exists: false }, 'sla.firstResponseDueAt': { $lt: now } },
      { _resolutionLate: true },
      { status: 'open', 'sla.resolutionDueAt': { $lt: now } },
    ],
  });

const breachedFromAt = (now: string) => new Query({ _slaBreachedFrom: { $lt: now } });

const DAY0 = Date.UTC(2026, 0, 1);
const time = fc.integer({ min: 0, max: 10 * 24 * 60 }).map((minutes) => {
  return new Date(DAY0 + minutes * 60_000).toISOString();
});

const ticket = fc
  .record({
    status: fc.constantFrom('open', 'resolved', 'closed'),
    firstResponseDueAt: time,
    resolutionDueAt: time,
    firstResponseAt: fc.option(time, { nil: undefined }),
    resolvedAt: fc.option(time, { nil: undefined }),
    closedAt: fc.option(time, { nil: undefined }),
  })
  .map((drawn): TicketDocument => ({
    _id: 'acme:t-1',
    tenantId: 'acme',
    ticketId: 't-1',
    contactId: 'c-1',
    channel: 'email',
    priority: 'normal',
    subject: 'Help',
    status: drawn.status as TicketDocument['status'],
    openedAt: new Date(DAY0).toISOString(),
    sla: {
      priority: 'normal',
      firstResponseMinutes: 60,
      resolutionMinutes: 600,
      firstResponseDueAt: drawn.firstResponseDueAt,
      resolutionDueAt: drawn.resolutionDueAt,
    },
    ...(drawn.firstResponseAt !== undefined && { firstResponseAt: drawn.firstResponseAt }),
    ...(drawn.status !== 'open' &&
      drawn.resolvedAt !== undefined && { resolvedAt: drawn.resolvedAt }),
    ...(drawn.status === 'closed' && drawn.closedAt !== undefined && { closedAt: drawn.closedAt }),
    escalationLevel: 0,
    replyCount: { agent: 0, customer: 0 },
    reopenCount: 0,
    lastActivityAt: new Date(DAY0).toISOString(),
  }));

describe('_slaBreachedFrom', () => {
  it('is before `now` exactly when a target is breached at `now`, as the one-by-one test says', () => {
    fc.assert(
      fc.property(ticket, time, (drawn, now) => {
        const projected = withSlaOutcome(drawn);
        expect({ now, projected, breached: breachedFromAt(now).test(projected) }).toEqual({
          now,
          projected,
          breached: breachedAtBefore(now).test(projected),
        });
      }),
      { numRuns: 2000, seed: 20 },
    );
  });

  it('is absent once nothing can breach the ticket', () => {
    const done = withSlaOutcome({
      ...fc.sample(ticket, { numRuns: 1, seed: 3 })[0],
      status: 'resolved',
      firstResponseAt: '2026-01-01T00:10:00.000Z',
      resolvedAt: '2026-01-01T01:00:00.000Z',
      sla: {
        priority: 'normal',
        firstResponseMinutes: 60,
        resolutionMinutes: 600,
        firstResponseDueAt: '2026-01-01T01:00:00.000Z',
        resolutionDueAt: '2026-01-01T10:00:00.000Z',
      },
    });
    expect(done).not.toHaveProperty('_slaBreachedFrom');
  });
});
