import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  arrayOf,
  bool,
  dateTime,
  int,
  nullable,
  object,
  oneOfValues,
  position,
  ref,
  str,
} from './schema-builders';

/** The answers of the automation routes: rules and what they did. */

const ruleId = (): SchemaObject => ({ type: 'string', pattern: '^rule_[0-9a-f]{32}$' });
const query = (description: string): SchemaObject => ({
  type: 'object',
  additionalProperties: true,
  description,
});

export const RULE_VIEW: SchemaObject = object(
  {
    id: ruleId(),
    version: int('1 at creation, one more for each revision'),
    name: str(),
    trigger: object(
      {
        eventType: str('an event type without version (DealWon)'),
        where: query("condition on the event's data (MongoDB query syntax)"),
        recordWhere: query("condition on the record's read model, checked when the action runs"),
      },
      ['eventType'],
    ),
    delay: object({ after: str('ISO 8601 duration'), from: str('template path of a date') }, [
      'after',
    ]),
    actions: arrayOf(
      object({
        command: str('a catalogue command type'),
        data: query('the command data, with templates'),
        assignRoundRobin: object({ over: arrayOf(str()) }, ['over']),
      }),
    ),
    enabled: bool(),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    deletedAt: nullable(dateTime()),
  },
  ['id', 'version', 'name', 'trigger', 'actions', 'enabled', 'createdAt', 'updatedAt', 'deletedAt'],
  'a workflow rule at its current version',
);

export const RULE_LIST: SchemaObject = object({ rules: arrayOf(ref('RuleView')) }, ['rules']);

const OUTCOMES = [
  'done',
  'scheduled',
  'condition-not-met',
  'refused',
  'failed',
  'parked',
  'skipped',
];

export const RULE_RUN: SchemaObject = object(
  {
    ruleId: ruleId(),
    version: int('the rule version that acted'),
    actionIndex: int('0-based, in the rule version'),
    trigger: object({ eventId: str(), eventType: str(), streamName: str(), position: position() }, [
      'eventId',
      'eventType',
      'streamName',
      'position',
    ]),
    outcome: oneOfValues(OUTCOMES),
    command: nullable(str()),
    recordId: nullable(str()),
    commandPosition: nullable(position()),
    dueAt: nullable(dateTime()),
    roundRobin: bool(),
    reason: nullable(str('why not: the condition, the refusal, the depth limit')),
    errorCode: nullable(str()),
    at: dateTime(),
    position: position(),
  },
  [
    'ruleId',
    'version',
    'actionIndex',
    'trigger',
    'outcome',
    'command',
    'recordId',
    'commandPosition',
    'dueAt',
    'roundRobin',
    'reason',
    'errorCode',
    'at',
    'position',
  ],
);

export const RULE_RUNS: SchemaObject = object(
  {
    runs: arrayOf(ref('RuleRun')),
    next: nullable({ ...position(), description: 'pass as `after` for the next page' }),
  },
  ['runs', 'next'],
);
