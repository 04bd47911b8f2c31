import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  arrayOf,
  bool,
  calendarDate,
  currencyTotals,
  customFields,
  dateTime,
  int,
  mapOf,
  maskable,
  nullable,
  num,
  object,
  ref,
  str,
} from './schema-builders';

/** The composed reads: lists, 360 views, timelines, the deal detail and the pipeline board. */

const MONEY = ref('Money');

const PAGE_FIELDS = ['items', 'total', 'limit', 'offset'];

const pageFields = (item: string) => ({
  items: arrayOf(ref(item)),
  total: int('every match, whatever the page'),
  limit: int(),
  offset: int(),
});

/** A page by `limit` and `offset`. */
const page = (item: string): SchemaObject => object(pageFields(item), PAGE_FIELDS);

/** A page of a keyset list: `nextCursor` is there only while more items follow. */
const keysetPage = (item: string): SchemaObject =>
  object(
    {
      ...pageFields(item),
      nextCursor: {
        ...str('pass as `cursor` for the next page; absent on the last'),
        pattern: '^[A-Za-z0-9_-]+$',
      },
    },
    PAGE_FIELDS,
  );

export const ACCOUNT_PAGE = page('AccountView');
export const CONTACT_PAGE = page('ContactView');
export const TASK_PAGE = keysetPage('TaskView');
export const LEAD_PAGE = keysetPage('LeadView');
export const DEAL_PAGE = keysetPage('DealSummary');
export const TICKET_PAGE = keysetPage('TicketSummary');
export const CAMPAIGN_PAGE = keysetPage('CampaignView');
export const PIPELINE_PAGE = keysetPage('PipelineView');
export const INTERACTION_PAGE = keysetPage('InteractionView');

export const TIMELINE_ENTRY: SchemaObject = object(
  {
    eventId: str(),
    type: str('the bare event type, CallLogged'),
    occurredAt: dateTime(),
    position: int('the global log position of the event'),
    contactId: str(),
    accountId: str(),
    dealId: str(),
    ticketId: str(),
    leadId: str(),
    campaignId: str(),
    taskId: str(),
    quoteId: str(),
    interactionId: str(),
    summary: str(),
    actorId: str(),
  },
  ['eventId', 'type', 'occurredAt', 'position', 'summary', 'actorId'],
);

export const TIMELINE_PAGE: SchemaObject = object(
  {
    entries: arrayOf(ref('TimelineEntry')),
    nextCursor: nullable(str('pass as `before` for the next page; null on the last')),
  },
  ['entries', 'nextCursor'],
);

export const DEAL_SUMMARY: SchemaObject = object(
  {
    dealId: str(),
    title: str(),
    amount: MONEY,
    status: str(),
    pipelineId: str(),
    stageId: str(),
    probability: num(),
    expectedCloseDate: calendarDate(),
    ownerId: str(),
    accountId: str(),
    contactId: str(),
    openedAt: dateTime(),
    closedAt: dateTime(),
    lostReason: str(),
  },
  ['dealId', 'title', 'amount', 'status', 'pipelineId', 'stageId', 'probability', 'openedAt'],
);

const dealsOverview = object(
  {
    open: arrayOf(ref('DealSummary')),
    won: arrayOf(ref('DealSummary')),
    lost: arrayOf(ref('DealSummary')),
  },
  ['open', 'won', 'lost'],
);

const slaTarget = object({ state: str(), dueAt: dateTime(), reachedAt: dateTime() }, [
  'state',
  'dueAt',
]);

export const TICKET_SUMMARY: SchemaObject = object(
  {
    ticketId: str(),
    subject: str(),
    status: str(),
    priority: str(),
    channel: str(),
    contactId: str(),
    accountId: str(),
    assigneeId: str(),
    openedAt: dateTime(),
    escalationLevel: int(),
    sla: object({ firstResponse: slaTarget, resolution: slaTarget }, [
      'firstResponse',
      'resolution',
    ]),
  },
  ['ticketId', 'subject', 'status', 'priority', 'channel', 'contactId', 'openedAt', 'sla'],
);

// The masking goes by field name, so the count of emails reads `***` without pii:read too.
const interactionCounts = object(
  { call: int(), email: maskable(int()), meeting: int(), note: int(), total: int() },
  ['call', 'email', 'meeting', 'note', 'total'],
);

const quoteSummary = object(
  {
    quoteId: str(),
    title: str(),
    status: str(),
    version: int(),
    validUntil: calendarDate(),
    total: MONEY,
  },
  ['quoteId', 'title', 'status', 'version', 'validUntil', 'total'],
);

const rollUps = {
  deals: dealsOverview,
  lifetimeValue: currencyTotals(),
  openTickets: arrayOf(ref('TicketSummary')),
  lastInteraction: nullable(ref('InteractionView')),
  interactionCounts,
  nextOpenTask: nullable(ref('TaskView')),
  timeline: ref('TimelinePage'),
};
const ROLL_UP_FIELDS = [
  'deals',
  'lifetimeValue',
  'openTickets',
  'lastInteraction',
  'interactionCounts',
  'nextOpenTask',
  'timeline',
];

export const ACCOUNT_360: SchemaObject = object(
  {
    profile: ref('AccountView'),
    contacts: arrayOf(
      object(
        {
          contactId: str(),
          fullName: str(),
          primaryEmail: maskable(str()),
          title: str(),
          ownerId: str(),
        },
        ['contactId', 'fullName'],
      ),
    ),
    contactCount: int(),
    ...rollUps,
    quotes: arrayOf(quoteSummary),
  },
  ['profile', 'contacts', 'contactCount', ...ROLL_UP_FIELDS, 'quotes'],
);

const campaignMembership = object(
  {
    campaignId: str(),
    name: nullable(str()),
    channel: nullable(str()),
    campaignStatus: nullable(str()),
    contactId: str(),
    active: bool(),
    addedAt: dateTime(),
    removedAt: dateTime(),
    lastTouchAt: dateTime(),
    touchCounts: ref('TouchCounts'),
    touches: arrayOf(object({ touch: str(), occurredAt: dateTime() }, ['touch', 'occurredAt'])),
  },
  ['campaignId', 'name', 'channel', 'campaignStatus', 'contactId', 'active', 'touchCounts'],
);

const leadOrigin = object(
  {
    leadId: str(),
    source: str(),
    score: int(),
    status: str(),
    campaignId: str(),
    capturedAt: dateTime(),
    convertedAt: dateTime(),
  },
  ['leadId', 'source', 'score', 'status', 'capturedAt'],
);

export const CONTACT_360: SchemaObject = object(
  {
    profile: ref('ContactView'),
    account: nullable(
      object({ accountId: str(), name: str(), status: str() }, ['accountId', 'name', 'status']),
    ),
    ownerId: nullable(str()),
    tags: arrayOf(str()),
    customFields: customFields(),
    consents: mapOf(maskable(object({}))),
    lead: nullable(leadOrigin),
    mergedContactIds: arrayOf(str()),
    campaigns: arrayOf(campaignMembership),
    ...rollUps,
  },
  [
    'profile',
    'account',
    'ownerId',
    'tags',
    'customFields',
    'consents',
    'lead',
    'mergedContactIds',
    'campaigns',
    ...ROLL_UP_FIELDS,
  ],
);

export const DEAL_DETAIL: SchemaObject = object(
  {
    deal: ref('DealDocument'),
    pipeline: nullable(object({ pipelineId: str(), name: str() }, ['pipelineId', 'name'])),
    stageName: str(),
    stageHistory: arrayOf(
      object(
        {
          stageId: str(),
          enteredAt: dateTime(),
          leftAt: dateTime(),
          stageName: str(),
          stageRemoved: bool(),
          durationDays: num(),
        },
        ['stageId', 'enteredAt', 'stageName', 'stageRemoved', 'durationDays'],
      ),
    ),
    daysInCurrentStage: int(),
    quotes: arrayOf(quoteSummary),
  },
  ['deal', 'pipeline', 'stageName', 'stageHistory', 'daysInCurrentStage', 'quotes'],
);

const boardTotals = {
  count: int(),
  total: currencyTotals(),
  weightedTotal: currencyTotals(),
};

export const PIPELINE_BOARD: SchemaObject = object(
  {
    pipelineId: str(),
    name: str(),
    ownerId: nullable(str('the owner filter asked for, or null')),
    stages: arrayOf(
      object(
        {
          stageId: str(),
          name: str(),
          probability: num(),
          removed: bool(),
          deals: arrayOf(
            object(
              {
                dealId: str(),
                title: str(),
                amount: MONEY,
                ownerId: str(),
                expectedCloseDate: calendarDate(),
                accountId: str(),
                contactId: str(),
                daysInStage: int(),
              },
              ['dealId', 'title', 'amount', 'ownerId', 'expectedCloseDate', 'daysInStage'],
            ),
          ),
          hasMore: bool(),
          nextCursor: {
            ...str(
              'while more follow: the cursor of GET /deals?pipelineId=&stageId=&status=open&sort=expectedCloseDate (same ownerId) for the deals after the last one listed',
            ),
            pattern: '^[A-Za-z0-9_-]+$',
          },
          ...boardTotals,
        },
        [
          'stageId',
          'name',
          'probability',
          'removed',
          'deals',
          'hasMore',
          'count',
          'total',
          'weightedTotal',
        ],
      ),
    ),
    totals: object(boardTotals, ['count', 'total', 'weightedTotal']),
  },
  ['pipelineId', 'name', 'ownerId', 'stages', 'totals'],
);
