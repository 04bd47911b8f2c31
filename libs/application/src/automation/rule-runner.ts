import {
  EventSerializer,
  EventStore,
  parseEventTypeName,
  RecordedEvent,
  StoredEvent,
} from '@crm/event-store';
import { Logger } from '@nestjs/common';
import { Query } from 'mingo';
import { CheckResult } from '../health/readiness';
import { loadCheckpoint, saveCheckpoint } from '../processes/process-checkpoints';
import { reasonOf } from '../startup/startup-error';
import { parseStreamName } from '../stream-name';
import { sleep } from '../webhooks/webhook-backoff';
import { addIsoDuration } from './iso-duration';
import { LiveRuleBook } from './live-rule-book';
import { runRuleAction, RuleActionDeps, scopeFor, triggerRefOf } from './rule-action';
import { RuleBook, RuleView } from './rule-book';
import { RuleDefinition } from './rule-definition';
import { MAX_RULE_DEPTH, ruleDepth } from './rule-depth';
import { isRuleStream } from './rule-events';
import { readRuleBook } from './rule-registry';
import { recordRun, RuleRunData, RuleRunOutcome } from './rule-runs';
import { valueAt } from './rule-templates';
import { markTimerFired, PendingTimers, RuleTimer, setTimer, timerIdFor } from './rule-timers';

export const AUTOMATION_PROCESS = 'automation';

/** Told of the runner's work (metrics): each rule tested on an event, each run recorded. */
export type RuleRunnerObserver = {
  evaluated: () => void;
  recorded: (outcome: RuleRunOutcome) => void;
};

export type RuleRunnerOptions = {
  clock: () => Date;
  /** How often due timers are looked for. */
  timerPollMs: number;
  /** How far ahead of the clock pending timers are held in memory (default an hour). */
  timerWindowMs?: number;
  /** How long a loop that stopped on an error waits before it starts again (default 1 s). */
  restartDelayMs?: number;
  observe?: RuleRunnerObserver;
};

type LoopName = 'rules' | 'timers';

/**
 * Workflow rules as a process from the log: from its stored checkpoint, each event is matched
 * against the rules as they were at that point of the log (rule events arrive in the same
 * subscription), and each matching rule's actions run (or their timers are set) before the
 * checkpoint moves past it. A crash replays from the checkpoint; idempotency keys and derived
 * run and timer ids make the replay write nothing twice. Due timers are fired by a second loop.
 */
export class RuleRunner {
  private readonly logger = new Logger('Process:automation');
  private readonly abort = new AbortController();
  private readonly timers: PendingTimers;
  private readonly liveBook: LiveRuleBook;
  private loop?: Promise<void>;
  private timerLoop?: Promise<void>;
  private reached = -1n;
  /** Why each loop stopped, until its restart has read its starting state again. */
  private readonly stoppedWith = new Map<LoopName, string>();

  constructor(
    private readonly store: EventStore,
    private readonly serializer: EventSerializer,
    private readonly deps: RuleActionDeps,
    private readonly options: RuleRunnerOptions,
  ) {
    this.timers = new PendingTimers(store, options.timerWindowMs);
    this.liveBook = new LiveRuleBook(store);
  }

  start(): void {
    this.loop ??= this.supervised('rules', () => this.run());
    this.timerLoop ??= this.supervised('timers', () => this.fireTimers());
  }

  /** Down while a loop has stopped on an error and its restart has not yet got going again. */
  health(): CheckResult {
    if (this.stoppedWith.size === 0) {
      return { status: 'up', position: this.reached.toString(), pendingTimers: this.timers.size() };
    }
    return { status: 'down', stopped: Object.fromEntries(this.stoppedWith) };
  }

  /** Runs a loop; one that fails starts again after a pause, from its checkpoint. */
  private async supervised(name: LoopName, loop: () => Promise<void>): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted) {
      try {
        await loop();
        return;
      } catch (error) {
        if (signal.aborted) return;
        this.stoppedWith.set(name, reasonOf(error));
        this.logger.error(`${name} stopped, restarting: ${String(error)}`);
        await sleep(this.options.restartDelayMs ?? 1000, signal);
      }
    }
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all([this.loop, this.timerLoop]);
  }

  /** The last log position the rules have gone past (-1n before any). */
  position(): bigint {
    return this.reached;
  }

  private async run(): Promise<void> {
    const after = await loadCheckpoint(this.store, AUTOMATION_PROCESS);
    const book = await readRuleBook(this.store, after ?? -1n);
    this.reached = after ?? -1n;
    this.stoppedWith.delete('rules');
    for await (const recorded of this.store.subscribeToAll({ after, signal: this.abort.signal })) {
      if (isRuleStream(recorded.streamName)) {
        book.apply(recorded.streamName.slice('crm.automation.'.length), recorded);
      } else if (await this.handle(book, recorded)) {
        if (this.abort.signal.aborted) return;
        await saveCheckpoint(this.store, AUTOMATION_PROCESS, recorded.position);
      }
      this.reached = recorded.position;
    }
  }

  /** Whether any rule acted on the event (so the checkpoint moves). */
  private async handle(book: RuleBook, recorded: RecordedEvent): Promise<boolean> {
    const parsed = parseStreamName(recorded.streamName);
    if (!parsed) return false;
    const rules = book.acting(parsed.tenantId, parseEventTypeName(recorded.type).name);
    if (rules.length === 0) return false;
    const event = this.serializer.deserialize(recorded);
    for (const rule of rules) await this.trigger(rule, event);
    return true;
  }

  private async trigger(rule: RuleView, event: StoredEvent): Promise<void> {
    const { where } = rule.trigger;
    this.options.observe?.evaluated();
    if (where && !new Query(where).test(event.data as Record<string, unknown>)) return;
    const depth = ruleDepth(event.metadata.principal);
    for (let actionIndex = 0; actionIndex < rule.actions.length; actionIndex++) {
      const run = { rule, event, actionIndex };
      if (depth >= MAX_RULE_DEPTH) await this.park(run, depth);
      else if (rule.delay) await this.schedule(run);
      else
        await this.act(rule.id, rule.version, rule, actionIndex, event, event.metadata.recordedAt);
    }
  }

  private async park(
    run: { rule: RuleView; event: StoredEvent; actionIndex: number },
    depth: number,
  ) {
    await this.record({
      ...this.runBase(run),
      outcome: 'parked',
      reason: `causation depth ${depth} reaches the limit of ${MAX_RULE_DEPTH} rules in a chain`,
      errorCode: 'RULE_DEPTH_EXCEEDED',
    });
  }

  private async schedule(run: { rule: RuleView; event: StoredEvent; actionIndex: number }) {
    const { rule, event, actionIndex } = run;
    const delay = rule.delay!;
    let from = event.metadata.recordedAt;
    if (delay.from !== undefined) {
      const parsed = parseStreamName(event.streamName)!;
      const record = delay.from.startsWith('record.')
        ? await this.deps.loadRecord(
            parsed.kind as never,
            parsed.tenantId,
            parsed.recordId,
            event.position,
          )
        : undefined;
      from = String(valueAt(scopeFor(rule.id, event, record, from), delay.from) ?? from);
    }
    const dueAt = addIsoDuration(new Date(from), delay.after).toISOString();
    const timer: RuleTimer = {
      timerId: timerIdFor(rule.id, rule.version, event.id, actionIndex),
      tenantId: event.metadata.tenantId,
      ruleId: rule.id,
      version: rule.version,
      actionIndex,
      dueAt,
      trigger: triggerRefOf(event),
    };
    // The run first: a crash between the two replays both, and a timer only exists once its
    // `scheduled` run does, so the runs read scheduled before done.
    await this.record({ ...this.runBase(run), outcome: 'scheduled', dueAt });
    await setTimer(this.store, timer);
  }

  private async act(
    ruleId: string,
    version: number,
    definition: RuleDefinition,
    actionIndex: number,
    event: StoredEvent,
    runAt: string,
  ): Promise<void> {
    const run = await runRuleAction(this.deps, {
      ruleId,
      version,
      definition,
      actionIndex,
      event,
      runAt,
      at: this.options.clock(),
    });
    await this.record(run);
  }

  private async record(run: RuleRunData): Promise<void> {
    await recordRun(this.store, run);
    this.options.observe?.recorded(run.outcome);
  }

  private runBase({
    rule,
    event,
    actionIndex,
  }: {
    rule: RuleView;
    event: StoredEvent;
    actionIndex: number;
  }): Omit<RuleRunData, 'outcome'> {
    return {
      ruleId: rule.id,
      version: rule.version,
      actionIndex,
      trigger: triggerRefOf(event),
      command: null,
      recordId: null,
      commandPosition: null,
      dueAt: null,
      roundRobin: false,
      reason: null,
      errorCode: null,
      at: this.options.clock().toISOString(),
    };
  }

  private async fireTimers(): Promise<void> {
    await this.timers.refresh(this.options.clock());
    this.stoppedWith.delete('timers');
    while (!this.abort.signal.aborted) {
      await this.timers.refresh(this.options.clock());
      const due = this.timers.due(this.options.clock());
      if (due.length > 0) {
        const book = await this.liveBook.refresh();
        for (const timer of due) {
          if (this.abort.signal.aborted) return;
          await this.fire(book, timer);
        }
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.timerPollMs));
    }
  }

  /**
   * Runs a due timer's action, then marks it fired. A crash in between fires it again after the
   * restart: at least once, and the command's idempotency key keeps the effect single.
   */
  private async fire(book: RuleBook, timer: RuleTimer): Promise<void> {
    const rule = book.get(timer.ruleId);
    const definition = rule?.versions.get(timer.version);
    const [recorded] = await this.store.readAll({
      after: BigInt(timer.trigger.position) - 1n,
      maxCount: 1,
    });
    const now = this.options.clock();
    if (!rule || !definition || !recorded || recorded.id !== timer.trigger.eventId) {
      this.logger.warn(`timer ${timer.timerId}: its rule or trigger is gone`);
    } else if (!rule.view.enabled || rule.view.deletedAt !== null) {
      await this.record({
        ruleId: timer.ruleId,
        version: timer.version,
        actionIndex: timer.actionIndex,
        trigger: timer.trigger,
        outcome: 'skipped',
        command: null,
        recordId: null,
        commandPosition: null,
        dueAt: timer.dueAt,
        roundRobin: false,
        reason: rule.view.deletedAt !== null ? 'the rule was deleted' : 'the rule is disabled',
        errorCode: null,
        at: now.toISOString(),
      });
    } else {
      const event = this.serializer.deserialize(recorded);
      const run = await runRuleAction(this.deps, {
        ruleId: timer.ruleId,
        version: timer.version,
        definition,
        actionIndex: timer.actionIndex,
        event,
        runAt: timer.dueAt,
        at: now,
      });
      await this.record({ ...run, dueAt: timer.dueAt });
    }
    await markTimerFired(this.store, timer.timerId, now);
    await this.timers.refresh(this.options.clock());
  }
}
