import { DomainError } from '@crm/domain';
import { LeadDocument } from '@crm/projections';
import { DocumentCollection, Filter, FindOptions } from '@crm/read-store';
import { CommandRequest } from '../processes/command-request';
import { DECAY_PAGE, LeadDecayDetector } from './lead-decay-detector';

const NOW = new Date('2026-03-10T10:00:00.000Z');
const leadDue = (n: number, tenantId = 'acme'): Partial<LeadDocument> => ({
  _id: `${tenantId}:lead-${n}`,
  tenantId,
  leadId: `lead-${n}`,
  _decayDueAt: '2026-03-09T10:00:00.000Z',
});

/** A leads collection answering the due filter from `due`, paged as asked. */
const leadsOf = (due: Partial<LeadDocument>[], seen: Filter[]) =>
  ({
    find: async (filter: Filter, options: FindOptions = {}) => {
      seen.push(filter);
      const skip = options.skip ?? 0;
      return due.slice(skip, skip + (options.limit ?? due.length));
    },
  }) as unknown as DocumentCollection<LeadDocument>;

describe('LeadDecayDetector', () => {
  it('sends the decay command keyed by lead and due moment, by the current version, as the process', async () => {
    const sent: CommandRequest[] = [];
    const seen: Filter[] = [];
    const detector = new LeadDecayDetector({
      caughtUp: async () => undefined,
      leads: async () => leadsOf([leadDue(1), leadDue(2, 'globex')], seen),
      currentModelVersion: async (tenantId) => (tenantId === 'acme' ? 3 : undefined),
      execute: async (request) => {
        sent.push(request);
        return { recordId: request.recordId, revision: 4n, position: 9n, appended: 1 };
      },
      clock: () => NOW,
      intervalMs: 1000,
    });
    expect(await detector.checkNow()).toEqual({ decayed: 1, unchanged: 1 });
    expect(seen[0]).toEqual({ _decayDueAt: { $lte: NOW.toISOString() } });
    // The tenant without a model gets no command.
    expect(sent).toEqual([
      expect.objectContaining({
        kind: 'lead',
        recordId: 'lead-1',
        intent: { type: 'DecayLeadScore', data: { leadId: 'lead-1', modelVersion: 3 } },
        context: expect.objectContaining({
          tenantId: 'acme',
          principal: { kind: 'process', subject: 'process:lead-decay' },
          idempotencyKey: 'lead-decay:lead-1:2026-03-09T10:00:00.000Z',
        }),
      }),
    ]);
  });

  it('pages past the leads left unchanged, and stops at a short page', async () => {
    const due = Array.from({ length: DECAY_PAGE + 5 }, (_, i) => leadDue(i));
    const seen: Filter[] = [];
    let calls = 0;
    const detector = new LeadDecayDetector({
      caughtUp: async () => undefined,
      leads: async () => leadsOf(due, seen),
      currentModelVersion: async () => 1,
      execute: async (request) => {
        calls += 1;
        // A lead closed since the read model saw it is refused: the check goes on.
        if (calls === 1) throw new DomainError('LEAD_CONVERTED', 'converted');
        return { recordId: request.recordId, revision: 2n, position: 9n, appended: 0 };
      },
      clock: () => NOW,
      intervalMs: 1000,
    });
    expect(await detector.checkNow()).toEqual({ decayed: 0, unchanged: DECAY_PAGE + 5 });
    expect(calls).toBe(DECAY_PAGE + 5);
    expect(seen).toHaveLength(2);
  });

  it('fails the check on an error that is not the domain refusing', async () => {
    const failed: number[] = [];
    const detector = new LeadDecayDetector({
      caughtUp: async () => undefined,
      leads: async () => leadsOf([leadDue(1)], []),
      currentModelVersion: async () => 1,
      execute: async () => {
        throw new Error('event store unreachable');
      },
      clock: () => NOW,
      intervalMs: 1000,
      observe: { decayed: () => undefined, failed: () => failed.push(1) },
    });
    await expect(detector.checkNow()).rejects.toThrow('event store unreachable');
    expect(failed).toHaveLength(1);
  });
});
