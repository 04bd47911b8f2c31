import { createSqliteEventStore, EventStore } from '@crm/event-store';
import { recordRun, RoundRobinTurns, RuleRunData } from './rule-runs';

const run = (eventId: string, overrides: Partial<RuleRunData> = {}): RuleRunData => ({
  ruleId: 'rule_1',
  version: 1,
  actionIndex: 0,
  trigger: { eventId, eventType: 'LeadCaptured.v1', streamName: 'lead-acme.l1', position: '1' },
  outcome: 'done',
  command: 'AssignLead',
  recordId: 'l1',
  commandPosition: '2',
  dueAt: null,
  roundRobin: true,
  reason: null,
  errorCode: null,
  at: '2026-03-02T09:00:00.000Z',
  ...overrides,
});

describe('RoundRobinTurns', () => {
  it('counts the done round-robin runs, reading only the runs recorded since the last turn', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    const reads: bigint[] = [];
    const watched: EventStore = Object.create(store);
    watched.readStream = async (name, options) => {
      reads.push(options?.fromRevision ?? 0n);
      return store.readStream(name, options);
    };
    const turns = new RoundRobinTurns(watched);
    expect(await turns.next('rule_1')).toBe(0);

    await recordRun(store, run('e1'));
    await recordRun(store, run('e2', { outcome: 'refused', roundRobin: false }));
    await recordRun(store, run('e3'));
    expect(await turns.next('rule_1')).toBe(2);
    await recordRun(store, run('e4'));
    expect(await turns.next('rule_1')).toBe(3);
    expect(await turns.next('rule_1')).toBe(3);
    // From the start, then from after each read's last run: never the whole stream again.
    expect(reads).toEqual([0n, 0n, 3n, 4n]);
    // A counter started afresh (after a restart) counts the same from the stream.
    expect(await new RoundRobinTurns(store).next('rule_1')).toBe(3);
    await store.close();
  });
});
