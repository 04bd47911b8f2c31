import { AggregateKind, DomainError } from '@crm/domain';
import { StoredEvent } from '@crm/event-store';
import { CommandBus } from '@nestjs/cqrs';
import { Query } from 'mingo';
import { createHash } from 'node:crypto';
import { commandCatalogue, isCommandType } from '../catalogue/command-catalogue';
import { intentFromOutside } from '../catalogue/catalogued-command';
import { CommandContext, CommandResult } from '../command-context';
import { IdempotencyConflictError, ReferenceNotFoundError } from '../command-errors';
import { deterministicId } from '../deterministic-id';
import { ExecuteDomainCommand } from '../nest/execute-domain-command';
import { parseStreamName } from '../stream-name';
import { ROUND_ROBIN_COMMANDS } from './round-robin-commands';
import { isRoundRobin, RuleDefinition } from './rule-definition';
import { rulePrincipal } from './rule-depth';
import { RuleRunData, RuleTriggerRef } from './rule-runs';
import { renderTemplates, TemplateScope } from './rule-templates';

export type RecordLoader = (
  kind: AggregateKind,
  tenantId: string,
  recordId: string,
  atLeast: bigint,
) => Promise<Record<string, unknown> | undefined>;

export type RuleActionDeps = {
  commandBus: CommandBus;
  loadRecord: RecordLoader;
  roundRobinTurns: (ruleId: string) => Promise<number>;
};

export type RuleActionCall = {
  ruleId: string;
  version: number;
  definition: RuleDefinition;
  actionIndex: number;
  event: StoredEvent;
  /** When the action runs: the trigger's time, or the timer's due time. */
  runAt: string;
  at: Date;
};

export const triggerRefOf = (event: StoredEvent): RuleTriggerRef => ({
  eventId: event.id,
  eventType: event.storedType,
  streamName: event.streamName,
  position: event.position.toString(),
});

/** The scope a rule's templates and conditions read, the record as its read model holds it now. */
export const scopeFor = (
  ruleId: string,
  event: StoredEvent,
  record: Record<string, unknown> | undefined,
  runAt: string,
): TemplateScope => ({
  event: {
    id: event.id,
    type: event.type,
    recordId: parseStreamName(event.streamName)?.recordId ?? '',
    recordedAt: event.metadata.recordedAt,
    actorId: event.metadata.actorId,
    data: event.data as Record<string, unknown>,
  },
  ...(record && { record }),
  rule: { id: ruleId },
  action: { runAt },
});

type Command = {
  kind: AggregateKind;
  recordId: string;
  type: string;
  data: Record<string, unknown>;
};

const isRefusal = (error: unknown): boolean =>
  error instanceof DomainError ||
  error instanceof ReferenceNotFoundError ||
  error instanceof IdempotencyConflictError;

const codeOf = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : null;
};

const TRANSIENT_RETRIES = 3;

/**
 * Runs one action of a rule for one trigger, as principal `rule:<id>` with the trigger as
 * causation, under an idempotency key derived from (trigger, rule, version, action): running it
 * again, after a crash, writes nothing new. The record condition is checked now, on the read
 * model once it holds the trigger. Answers what happened, for the rule's runs.
 */
export const runRuleAction = async (
  deps: RuleActionDeps,
  call: RuleActionCall,
): Promise<RuleRunData> => {
  const { ruleId, version, definition, actionIndex, event, runAt, at } = call;
  const parsed = parseStreamName(event.streamName);
  const base = {
    ruleId,
    version,
    actionIndex,
    trigger: triggerRefOf(event),
    command: null,
    recordId: null,
    commandPosition: null,
    dueAt: null,
    roundRobin: false,
    reason: null,
    errorCode: null,
    at: at.toISOString(),
  } satisfies Omit<RuleRunData, 'outcome'>;
  if (!parsed) return { ...base, outcome: 'failed', reason: 'the trigger is not a record event' };
  const kind = parsed.kind as AggregateKind;
  const action = definition.actions[actionIndex];
  for (let attempt = 1; ; attempt++) {
    try {
      const record = await deps.loadRecord(kind, parsed.tenantId, parsed.recordId, event.position);
      const { recordWhere } = definition.trigger;
      // Templates in the condition name the trigger: "still in the stage it moved to".
      const condition =
        recordWhere &&
        (renderTemplates(recordWhere, scopeFor(ruleId, event, record, runAt)) as object);
      if (condition && !(record && new Query(condition).test(record))) {
        return {
          ...base,
          outcome: 'condition-not-met',
          reason: 'the record does not match recordWhere',
        };
      }
      const idempotencyKey = `rule:${ruleId}:v${version}:${event.id}:${actionIndex}`;
      let command: Command;
      if (isRoundRobin(action)) {
        const assign = ROUND_ROBIN_COMMANDS[kind];
        if (!assign) throw new Error(`a ${kind} cannot be assigned by round robin`);
        const { over } = action.assignRoundRobin;
        const next = over[(await deps.roundRobinTurns(ruleId)) % over.length];
        const data = { [`${kind}Id`]: parsed.recordId, [assign.field]: next };
        command = { kind, recordId: parsed.recordId, type: assign.command, data };
      } else {
        if (!isCommandType(action.command)) throw new Error(`unknown command ${action.command}`);
        const entry: { kind: AggregateKind; creates?: true } = commandCatalogue[action.command];
        const scope = scopeFor(ruleId, event, record, runAt);
        const data = renderTemplates(action.data, scope) as Record<string, unknown>;
        const idField = `${entry.kind}Id`;
        if (entry.creates && typeof data[idField] !== 'string') {
          data[idField] = deterministicId('rule-record', idempotencyKey);
        }
        command = { kind: entry.kind, recordId: String(data[idField]), type: action.command, data };
      }
      const intent = intentFromOutside(command.kind, { type: command.type, data: command.data });
      const principal = rulePrincipal(ruleId, event.metadata.principal);
      const context: CommandContext = {
        tenantId: parsed.tenantId,
        actorId: principal.subject,
        principal,
        commandId: idempotencyKey,
        correlationId: event.metadata.$correlationId,
        causationId: event.id,
        idempotencyKey,
        requestHash: createHash('sha256').update(JSON.stringify(intent)).digest('hex'),
      };
      const ran = {
        command: command.type,
        recordId: command.recordId,
        roundRobin: isRoundRobin(action),
      };
      try {
        const result: CommandResult = await deps.commandBus.execute(
          new ExecuteDomainCommand(command.kind, command.recordId, intent, context),
        );
        return { ...base, ...ran, outcome: 'done', commandPosition: result.position.toString() };
      } catch (error) {
        if (!isRefusal(error)) throw error;
        return {
          ...base,
          ...ran,
          roundRobin: false,
          outcome: 'refused',
          reason: String(error),
          errorCode: codeOf(error),
        };
      }
    } catch (error) {
      if (attempt > TRANSIENT_RETRIES) {
        return { ...base, outcome: 'failed', reason: String(error), errorCode: codeOf(error) };
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
};
