import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { arrayOf, bool, int, nullable, num, object, ref, str } from './schema-builders';

/** The reports (`GET /reports/...`): figures per group; rates are null where nothing counts. */

const MONEY = ref('Money');
const month = () => ({ type: 'string', pattern: '^\\d{4}-\\d{2}$', example: '2026-03' }) as const;
const rate = () => nullable(num());

const funnelFigures = {
  captured: int(),
  qualified: int(),
  converted: int(),
  won: int(),
  qualifiedRate: rate(),
  convertedRate: rate(),
  wonRate: rate(),
  qualifiedToConvertedRate: rate(),
};
const FUNNEL_FIGURES = Object.keys(funnelFigures);

export const LEAD_FUNNEL_REPORT: SchemaObject = object(
  {
    groupBy: { type: 'string', enum: ['source', 'campaign'] },
    rows: arrayOf(object({ key: str(), ...funnelFigures }, ['key', ...FUNNEL_FIGURES])),
    total: object(funnelFigures, FUNNEL_FIGURES),
  },
  ['groupBy', 'rows', 'total'],
);

const winRateFigures = {
  won: int(),
  lost: int(),
  winRate: rate(),
  averageWonAmount: arrayOf(MONEY),
};
const WIN_RATE_FIGURES = Object.keys(winRateFigures);

export const WIN_RATE_REPORT: SchemaObject = object(
  {
    rows: arrayOf(
      object({ ownerId: str(), month: month(), ...winRateFigures }, [
        'ownerId',
        'month',
        ...WIN_RATE_FIGURES,
      ]),
    ),
    owners: arrayOf(
      object({ ownerId: str(), ...winRateFigures }, ['ownerId', ...WIN_RATE_FIGURES]),
    ),
  },
  ['rows', 'owners'],
);

const cycleFigures = { count: int(), average: rate(), median: rate(), p90: rate() };
const CYCLE_FIGURES = Object.keys(cycleFigures);

export const SALES_CYCLE_REPORT: SchemaObject = object(
  {
    overall: object(cycleFigures, CYCLE_FIGURES),
    byMonth: arrayOf(object({ month: month(), ...cycleFigures }, ['month', ...CYCLE_FIGURES])),
  },
  ['overall', 'byMonth'],
);

export const STAGE_CONVERSION_REPORT: SchemaObject = object(
  {
    pipelineId: str(),
    name: str(),
    stages: arrayOf(
      object(
        {
          stageId: str(),
          name: str(),
          removed: bool(),
          entered: int(),
          advanced: int(),
          lost: int(),
          stillOpen: int(),
          conversionRate: rate(),
          dropOffRate: rate(),
        },
        ['stageId', 'name', 'removed', 'entered', 'advanced', 'lost', 'stillOpen'],
      ),
    ),
  },
  ['pipelineId', 'name', 'stages'],
);

export const REVENUE_BY_MONTH_REPORT: SchemaObject = object(
  {
    rows: arrayOf(
      object({ month: month(), currency: str(), revenue: num(), deals: int() }, [
        'month',
        'currency',
        'revenue',
        'deals',
      ]),
    ),
  },
  ['rows'],
);

export const FORECAST_REPORT: SchemaObject = object(
  {
    rows: arrayOf(
      object(
        {
          month: month(),
          currency: str(),
          deals: int(),
          pipelineAmount: num(),
          weightedAmount: num(),
        },
        ['month', 'currency', 'deals', 'pipelineAmount', 'weightedAmount'],
      ),
    ),
  },
  ['rows'],
);

const minutes = object({ count: int(), average: rate(), median: rate() }, [
  'count',
  'average',
  'median',
]);
const breaches = object({ firstResponse: int(), resolution: int() }, [
  'firstResponse',
  'resolution',
]);
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const perPriority = (schema: SchemaObject): SchemaObject =>
  object(Object.fromEntries(PRIORITIES.map((priority) => [priority, schema])), PRIORITIES);

export const TICKET_REPORT: SchemaObject = object(
  {
    firstResponseMinutes: minutes,
    resolutionMinutes: minutes,
    slaBreaches: breaches,
    backlogByPriority: perPriority(int()),
    slaBreachesByPriority: perPriority(breaches),
  },
  [
    'firstResponseMinutes',
    'resolutionMinutes',
    'slaBreaches',
    'backlogByPriority',
    'slaBreachesByPriority',
  ],
);

export const CAMPAIGN_REPORT: SchemaObject = object(
  {
    rows: arrayOf(
      object(
        {
          campaignId: str(),
          name: str(),
          channel: str(),
          members: int(),
          touches: ref('TouchCounts'),
          leads: int(),
          deals: int(),
          wonDeals: int(),
          revenue: arrayOf(MONEY),
          budget: MONEY,
          costPerLead: nullable(MONEY),
        },
        [
          'campaignId',
          'name',
          'channel',
          'members',
          'touches',
          'leads',
          'deals',
          'wonDeals',
          'revenue',
          'budget',
          'costPerLead',
        ],
      ),
    ),
  },
  ['rows'],
);
