import { EventStore } from '@crm/event-store';
import { deterministicId } from '../deterministic-id';

export const runStream = (ruleId: string): string => `crmprocess-automation-runs.${ruleId}`;
export const RULE_RAN = 'AutomationRuleRan.v1';

/**
 * What one action of a rule did for one trigger: `done` (the command ran, or had run already
 * under its idempotency key), `scheduled` (a delayed action's timer is set),
 * `condition-not-met`, `refused` (the domain said no), `failed` (an error, after retries),
 * `parked` (the causation depth limit), `skipped` (the rule was disabled or deleted when a
 * timer fired).
 */
export type RuleRunOutcome =
  'done' | 'scheduled' | 'condition-not-met' | 'refused' | 'failed' | 'parked' | 'skipped';

export type RuleTriggerRef = {
  eventId: string;
  eventType: string;
  streamName: string;
  position: string;
};

export type RuleRunData = {
  ruleId: string;
  version: number;
  actionIndex: number;
  trigger: RuleTriggerRef;
  outcome: RuleRunOutcome;
  command: string | null;
  recordId: string | null;
  /** Where the command's last event is in the log, when it wrote or found one. */
  commandPosition: string | null;
  dueAt: string | null;
  /** A round-robin assignment that ran: counted for the next turn. */
  roundRobin: boolean;
  reason: string | null;
  errorCode: string | null;
  at: string;
};

export type RuleRunView = RuleRunData & { position: string };

/**
 * Records a run. Its id is derived from the trigger, the rule version, the action and the stage
 * (scheduling, then running), so recording it again after a crash appends nothing.
 */
export const recordRun = async (store: EventStore, run: RuleRunData): Promise<void> => {
  const stage = run.outcome === 'scheduled' ? 'scheduled' : 'ran';
  const id = deterministicId(
    'rule-run',
    run.ruleId,
    String(run.version),
    run.trigger.eventId,
    String(run.actionIndex),
    stage,
  );
  await store.appendToStream(runStream(run.ruleId), [
    { id, type: RULE_RAN, data: run, metadata: {} },
  ]);
};

/** A rule's runs in log order after a position, `limit` of them, and the next page's `after`. */
export const listRuns = async (
  store: EventStore,
  ruleId: string,
  after: bigint,
  limit: number,
): Promise<{ runs: RuleRunView[]; next: string | null }> => {
  const all = (await store.readStream(runStream(ruleId)))
    .filter((event) => event.type === RULE_RAN && event.position > after)
    .map((event) => ({
      ...(event.data as unknown as RuleRunData),
      position: event.position.toString(),
    }));
  const runs = all.slice(0, limit);
  return { runs, next: all.length > limit ? runs[runs.length - 1].position : null };
};

const isRoundRobinDone = (data: Record<string, unknown>): boolean =>
  data.roundRobin === true && data.outcome === 'done';

/**
 * How many times each rule has assigned by round robin (the next turn's index), counted from its
 * runs stream: each rule's count is kept with the revision it was counted to, and each call
 * reads only the runs recorded since, so a turn costs the runs since the last turn, not all of
 * them. Runs recorded by another process on the same log are read as well.
 */
export class RoundRobinTurns {
  private readonly counted = new Map<string, { turns: number; nextRevision: bigint }>();

  constructor(private readonly store: EventStore) {}

  async next(ruleId: string): Promise<number> {
    const known = this.counted.get(ruleId) ?? { turns: 0, nextRevision: 0n };
    const runs = await this.store.readStream(runStream(ruleId), {
      fromRevision: known.nextRevision,
    });
    let { turns, nextRevision } = known;
    for (const event of runs) {
      if (event.type === RULE_RAN && isRoundRobinDone(event.data)) turns += 1;
      nextRevision = event.revision + 1n;
    }
    this.counted.set(ruleId, { turns, nextRevision });
    return turns;
  }
}
