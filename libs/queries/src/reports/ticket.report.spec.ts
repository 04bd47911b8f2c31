import { aTicket } from './reports.test-kit';
import { ticketReport } from './ticket.report';

describe('ticketReport', () => {
  const now = new Date('2026-03-02T12:00:00.000Z');
  const tickets = [
    // urgent: first response due 08:30, resolution due 16:00
    aTicket('t1', 'urgent', '2026-03-01T08:00:00.000Z', {
      status: 'resolved',
      firstResponseAt: '2026-03-01T08:20:30.000Z', // 20.5 min, met
      resolvedAt: '2026-03-01T10:00:00.000Z', // 120 min, met
    }),
    aTicket('t2', 'urgent', '2026-03-01T08:00:00.000Z', {
      status: 'closed',
      firstResponseAt: '2026-03-01T09:00:00.000Z', // 60 min, breached
      resolvedAt: '2026-03-01T20:00:00.000Z', // 720 min, breached
      closedAt: '2026-03-01T21:00:00.000Z',
    }),
    // high: first response due 10:00, resolution due 2026-03-02T08:00 (past at `now`)
    aTicket('t3', 'high', '2026-03-01T08:00:00.000Z', {
      firstResponseAt: '2026-03-01T09:30:00.000Z', // 90 min, met; open and unresolved: breached
    }),
    // high: first response due 13:00, after `now`: nothing breached yet
    aTicket('t4', 'high', '2026-03-02T11:00:00.000Z'),
    // normal: first response due 08:00 (past, no reply: breached), resolution due 03-03
    aTicket('t5', 'normal', '2026-03-01T00:00:00.000Z'),
    // low: closed within an hour with no reply: not open, so the missing reply is no breach
    aTicket('t6', 'low', '2026-03-01T00:00:00.000Z', {
      status: 'closed',
      closedAt: '2026-03-01T01:00:00.000Z',
    }),
    // normal, reopened: resolution due 02-27, resolved in time, open again past it: breached
    aTicket('t7', 'normal', '2026-02-25T00:00:00.000Z', {
      reopenCount: 1,
      firstResponseAt: '2026-02-25T04:00:00.000Z', // 240 min, met
      resolvedAt: '2026-02-26T00:00:00.000Z', // 1440 min
    }),
    // low: resolution due 02-25, closed 02-27 without a resolution: the closing counts, late
    aTicket('t8', 'low', '2026-02-20T00:00:00.000Z', {
      status: 'closed',
      firstResponseAt: '2026-02-20T12:00:00.000Z', // 720 min, met
      closedAt: '2026-02-27T00:00:00.000Z',
    }),
  ];

  it('measures response and resolution times, breaches and the open backlog', () => {
    expect(ticketReport(tickets, { now })).toEqual({
      // t1 t2 t3 t7 t8: 20.5 + 60 + 90 + 240 + 720 = 1130.5 / 5 = 226.1; median 90
      firstResponseMinutes: { count: 5, average: 226.1, median: 90 },
      // t1 t2 t7: 120 + 720 + 1440 = 2280 / 3 = 760; median 720
      resolutionMinutes: { count: 3, average: 760, median: 720 },
      // first response: t2 (late), t5 (none, open, past due); resolution: t2 t3 t7 t8
      slaBreaches: { firstResponse: 2, resolution: 4 },
      // open: t3 t4 (high), t5 t7 (normal)
      backlogByPriority: { low: 0, normal: 2, high: 2, urgent: 0 },
      slaBreachesByPriority: {
        low: { firstResponse: 0, resolution: 1 }, // t8
        normal: { firstResponse: 1, resolution: 1 }, // t5; t7
        high: { firstResponse: 0, resolution: 1 }, // t3
        urgent: { firstResponse: 1, resolution: 1 }, // t2; t2
      },
    });
  });

  it('counts no breach before the deadline', () => {
    const early = new Date('2026-03-01T08:10:00.000Z');
    expect(
      ticketReport([aTicket('t', 'urgent', '2026-03-01T08:00:00.000Z')], { now: early })
        .slaBreaches,
    ).toEqual({
      firstResponse: 0,
      resolution: 0,
    });
  });

  it('gives null figures and every priority at zero without tickets', () => {
    const zero = { firstResponse: 0, resolution: 0 };
    expect(ticketReport([], { now })).toEqual({
      firstResponseMinutes: { count: 0, average: null, median: null },
      resolutionMinutes: { count: 0, average: null, median: null },
      slaBreaches: zero,
      backlogByPriority: { low: 0, normal: 0, high: 0, urgent: 0 },
      slaBreachesByPriority: { low: zero, normal: zero, high: zero, urgent: zero },
    });
  });
});
