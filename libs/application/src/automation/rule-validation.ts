import { AggregateKind, DomainEventType } from '@crm/domain';
import { Query } from 'mingo';
import { commandCatalogue, isCommandType } from '../catalogue/command-catalogue';
import { EVENT_FIELDS, isDomainEventType } from './event-fields';
import { kindOfEventType } from './event-kinds';
import { isIsoDuration } from './iso-duration';
import { RECORD_FIELDS } from './record-fields';
import { ROUND_ROBIN_COMMANDS } from './round-robin-commands';
import { isRoundRobin, RuleAction, RuleDefinition, RuleQuery } from './rule-definition';
import { RuleProblem } from './rule-problems';
import { stringsIn, templatesIn } from './rule-templates';

const EVENT_PATHS = new Set([
  'event.id',
  'event.type',
  'event.recordId',
  'event.recordedAt',
  'event.actorId',
]);
const OTHER_PATHS = new Set(['rule.id', 'action.runAt']);

type Fields = { event: readonly string[]; record: readonly string[] };

/** Whether a template path names something the trigger's event or record really has. */
const knownPath = (path: string, fields: Fields): boolean => {
  if (EVENT_PATHS.has(path) || OTHER_PATHS.has(path)) return true;
  const [root, second, third] = path.split('.');
  if (root === 'event' && second === 'data')
    return third !== undefined && fields.event.includes(third);
  if (root === 'record') return second !== undefined && fields.record.includes(second);
  return false;
};

const LOGICAL = new Set(['$and', '$or', '$nor']);

/** The field names a query tests, first segment only, with where each is in the query. */
const queriedFields = (query: RuleQuery, at: string): { at: string; field: string }[] =>
  Object.entries(query).flatMap(([key, value]) => {
    if (LOGICAL.has(key) && Array.isArray(value)) {
      return value.flatMap((part, i) =>
        part !== null && typeof part === 'object'
          ? queriedFields(part as RuleQuery, `${at}.${key}[${i}]`)
          : [],
      );
    }
    if (key.startsWith('$')) return [];
    return [{ at: `${at}.${key}`, field: key.split('.')[0] }];
  });

const checkQuery = (
  query: RuleQuery | undefined,
  at: string,
  known: readonly string[],
): RuleProblem[] => {
  if (query === undefined) return [];
  try {
    new Query(query).test({});
  } catch (error) {
    return [{ code: 'RULE_INVALID_QUERY', field: at, message: (error as Error).message }];
  }
  return queriedFields(query, at)
    .filter(({ field }) => !known.includes(field))
    .map(({ at: field, field: name }) => ({
      code: 'RULE_UNKNOWN_FIELD' as const,
      field,
      message: `${name} is not a field here`,
    }));
};

const checkTemplates = (value: unknown, at: string, fields: Fields): RuleProblem[] =>
  stringsIn(value, at).flatMap(({ at: field, text }) =>
    templatesIn(text).flatMap((use): RuleProblem[] => {
      if ('invalid' in use) {
        return [
          { code: 'RULE_INVALID_TEMPLATE', field, message: `{{${use.invalid}}} is not a template` },
        ];
      }
      if (!knownPath(use.path, fields)) {
        return [
          {
            code: 'RULE_UNKNOWN_FIELD',
            field,
            message: `${use.path} names no field of the trigger`,
          },
        ];
      }
      if (use.duration !== undefined && !isIsoDuration(use.duration)) {
        return [
          {
            code: 'RULE_INVALID_DURATION',
            field,
            message: `${use.duration} is not an ISO 8601 duration`,
          },
        ];
      }
      return [];
    }),
  );

const checkAction = (
  action: RuleAction,
  at: string,
  kind: AggregateKind,
  fields: Fields,
): RuleProblem[] => {
  if (isRoundRobin(action)) {
    return ROUND_ROBIN_COMMANDS[kind]
      ? []
      : [
          {
            code: 'RULE_ROUND_ROBIN_UNSUPPORTED',
            field: `${at}.assignRoundRobin`,
            message: `a ${kind} cannot be assigned by round robin`,
          },
        ];
  }
  if (!isCommandType(action.command)) {
    return [
      {
        code: 'RULE_UNKNOWN_COMMAND',
        field: `${at}.command`,
        message: `${action.command} is not a catalogue command`,
      },
    ];
  }
  const entry: { kind: AggregateKind; creates?: true } = commandCatalogue[action.command];
  const idField = `${entry.kind}Id`;
  const missingId: RuleProblem[] =
    entry.creates || typeof action.data[idField] === 'string'
      ? []
      : [
          {
            code: 'RULE_RECORD_ID_MISSING',
            field: `${at}.data.${idField}`,
            message: `${action.command} needs the ${entry.kind}'s id in data.${idField}`,
          },
        ];
  return [...missingId, ...checkTemplates(action.data, `${at}.data`, fields)];
};

/** Every problem of a definition (empty when it can be stored), each with its field path. */
export const ruleProblems = (definition: RuleDefinition): RuleProblem[] => {
  const { trigger, delay, actions } = definition;
  if (!isDomainEventType(trigger.eventType)) {
    return [
      {
        code: 'RULE_UNKNOWN_EVENT_TYPE',
        field: 'trigger.eventType',
        message: `${trigger.eventType} is not an event type`,
      },
    ];
  }
  const type: DomainEventType = trigger.eventType;
  const kind = kindOfEventType(type);
  const fields: Fields = {
    event: Object.keys(EVENT_FIELDS[type]),
    record: Object.keys(RECORD_FIELDS[kind]),
  };
  const delayProblems: RuleProblem[] = [];
  if (delay && !isIsoDuration(delay.after)) {
    delayProblems.push({
      code: 'RULE_INVALID_DURATION',
      field: 'delay.after',
      message: `${delay.after} is not an ISO 8601 duration`,
    });
  }
  if (delay?.from !== undefined && !knownPath(delay.from, fields)) {
    delayProblems.push({
      code: 'RULE_UNKNOWN_FIELD',
      field: 'delay.from',
      message: `${delay.from} names no field of the trigger`,
    });
  }
  return [
    ...checkQuery(trigger.where, 'trigger.where', fields.event),
    ...checkQuery(trigger.recordWhere, 'trigger.recordWhere', fields.record),
    ...checkTemplates(trigger.recordWhere ?? {}, 'trigger.recordWhere', fields),
    ...delayProblems,
    ...actions.flatMap((action, i) => checkAction(action, `actions[${i}]`, kind, fields)),
  ];
};
