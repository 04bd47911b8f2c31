import { ENGAGEMENT_KINDS, FIT_ATTRIBUTES, FIT_OPERATORS } from '@crm/domain';
import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { arrayOf, dateTime, int, object, oneOfValues, ref, str } from './schema-builders';

/** The answers of the scoring-model routes, and the score breakdown a lead shows. */

const FIT_RULE: SchemaObject = object(
  {
    id: str('names the rule in every score change it causes'),
    attribute: oneOfValues(FIT_ATTRIBUTES),
    operator: oneOfValues(FIT_OPERATORS),
    value: str('with equals and contains'),
    values: arrayOf(str()),
    number: int('with atLeast and below'),
    points: int(),
  },
  ['id', 'attribute', 'operator', 'points'],
);

const ENGAGEMENT_RULE: SchemaObject = object(
  {
    id: str('names the rule in every score change it causes'),
    kind: oneOfValues(ENGAGEMENT_KINDS),
    points: int('per engagement of the kind'),
  },
  ['id', 'kind', 'points'],
);

const DECAY_RULE: SchemaObject = object(
  {
    points: int('what a lead loses per whole period without engagement'),
    every: str('the period, an ISO 8601 duration of fixed length'),
  },
  ['points', 'every'],
);

export const SCORING_MODEL_VIEW: SchemaObject = object(
  {
    version: int('1 for the first model, one more for each published after it'),
    fitRules: arrayOf(FIT_RULE),
    engagementRules: arrayOf(ENGAGEMENT_RULE),
    threshold: int('a lead whose score reaches it becomes marketing-qualified'),
    decay: DECAY_RULE,
    publishedAt: dateTime(),
    publishedBy: str('the subject of the principal that published it'),
  },
  ['version', 'fitRules', 'engagementRules', 'threshold', 'publishedAt', 'publishedBy'],
);

export const SCORING_MODEL_VERSIONS: SchemaObject = object(
  { versions: arrayOf(ref('ScoringModelView')) },
  ['versions'],
);

export const RESCORING_PROGRESS: SchemaObject = object(
  {
    version: int('the current model version'),
    total: int('open leads (new or qualified)'),
    done: int('open leads this version, or a later one, has scored'),
    status: oneOfValues(['running', 'done']),
  },
  ['version', 'total', 'done', 'status'],
);

export const LEAD_SCORE_BREAKDOWN: SchemaObject = object(
  {
    initial: int('the score the lead was captured with'),
    manual: int('the sum of the adjustments by hand'),
    rules: arrayOf(
      object({ rule: str('a scoring-model rule id'), points: int() }, ['rule', 'points']),
    ),
  },
  ['initial', 'manual', 'rules'],
  'where the score comes from: the score is the sum of the parts',
);
