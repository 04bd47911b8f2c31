import { computeTicketSla } from '@crm/domain';
import { TicketDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { FAILED_CHECKS_BEFORE_DOWN, SlaBreachDetector } from './sla-breach-detector';

const openedAt = '2026-03-02T09:00:00.000Z';
const ticket: Partial<TicketDocument> = {
  tenantId: 'acme',
  ticketId: 't-1',
  sla: computeTicketSla(openedAt, 'urgent'),
  _firstResponseMissedFrom: '2026-03-02T09:30:00.000Z',
};

describe('SlaBreachDetector', () => {
  it('reports down after repeated failed checks, with the error, and up again by itself', async () => {
    let failing = true;
    const failed: number[] = [];
    const detector = new SlaBreachDetector({
      caughtUp: async () => undefined,
      tickets: async () => {
        if (failing) throw new Error('read store unreachable');
        return {
          find: async (filter: Record<string, unknown>) =>
            '_firstResponseMissedFrom' in filter ? [ticket] : [],
        } as unknown as DocumentCollection<TicketDocument>;
      },
      execute: async () => ({ recordId: 't-1', revision: 1n, position: 9n, appended: 1 }),
      clock: () => new Date('2026-03-02T10:00:00.000Z'),
      intervalMs: 1000,
      observe: { recorded: () => undefined, failed: () => failed.push(1) },
    });
    for (let i = 1; i < FAILED_CHECKS_BEFORE_DOWN; i++) {
      await expect(detector.checkNow()).rejects.toThrow('read store unreachable');
      expect(detector.health()).toEqual({ status: 'up' });
    }
    await expect(detector.checkNow()).rejects.toThrow('read store unreachable');
    expect(detector.health()).toMatchObject({
      status: 'down',
      failedChecks: FAILED_CHECKS_BEFORE_DOWN,
      error: 'read store unreachable',
    });
    expect(failed).toHaveLength(FAILED_CHECKS_BEFORE_DOWN);

    failing = false;
    expect(await detector.checkNow()).toEqual({ recorded: 1, refused: 0 });
    expect(detector.health()).toEqual({ status: 'up' });
  });

  it('sends the breach command keyed by ticket, target and deadline, as the process', async () => {
    const sent: unknown[] = [];
    const detector = new SlaBreachDetector({
      caughtUp: async () => undefined,
      tickets: async () =>
        ({
          find: async (filter: Record<string, unknown>) =>
            '_firstResponseMissedFrom' in filter ? [ticket] : [],
        }) as unknown as DocumentCollection<TicketDocument>,
      execute: async (request) => {
        sent.push(request);
        return { recordId: 't-1', revision: 1n, position: 9n, appended: 0 };
      },
      clock: () => new Date('2026-03-02T10:00:00.000Z'),
      intervalMs: 1000,
    });
    expect(await detector.checkNow()).toEqual({ recorded: 0, refused: 0 });
    expect(sent).toEqual([
      expect.objectContaining({
        kind: 'ticket',
        recordId: 't-1',
        intent: {
          type: 'RecordTicketSlaBreach',
          data: { ticketId: 't-1', target: 'first-response', dueAt: '2026-03-02T09:30:00.000Z' },
        },
        context: expect.objectContaining({
          tenantId: 'acme',
          principal: { kind: 'process', subject: 'process:sla-breaches' },
          idempotencyKey: 'sla-breaches:t-1:first-response:2026-03-02T09:30:00.000Z',
        }),
      }),
    ]);
  });
});
