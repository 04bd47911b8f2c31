import {
  ACCOUNT_SIZES,
  CAMPAIGN_CHANNELS,
  TICKET_CHANNELS,
  TICKET_SLA_TARGET_NAMES,
} from '@crm/domain';
import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  arrayOf,
  bool,
  calendarDate,
  customFields,
  dateTime,
  int,
  mapOf,
  maskable,
  num,
  object,
  oneOfValues,
  ref,
  str,
} from './schema-builders';

/** The single-record reads (`GET /<kind>s/{id}`): each kind's document with its revision. */

const MONEY = ref('Money');
const revision = () => int('the record revision; the ETag carries it too');

export const ADDRESS_SCHEMA: SchemaObject = object({
  street: str(),
  city: str(),
  region: str(),
  postalCode: str(),
  country: str(),
});
const address = () => maskable(ref('Address'));

export const ACCOUNT_VIEW: SchemaObject = object(
  {
    tenantId: str(),
    accountId: str(),
    name: str(),
    searchName: str(),
    domain: str(),
    industry: str(),
    size: oneOfValues(ACCOUNT_SIZES),
    address: address(),
    ownerId: str(),
    tags: arrayOf(str()),
    customFields: customFields(),
    status: oneOfValues(['active', 'archived']),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    revision: revision(),
  },
  ['tenantId', 'accountId', 'name', 'tags', 'customFields', 'status', 'revision'],
);

const consent = object({ status: str(), source: str(), recordedAt: dateTime() }, [
  'status',
  'source',
  'recordedAt',
]);

export const CONTACT_VIEW: SchemaObject = object(
  {
    tenantId: str(),
    contactId: str(),
    firstName: str(),
    lastName: str(),
    fullName: str(),
    searchName: str(),
    emails: maskable(
      arrayOf(object({ address: str(), label: str(), primary: bool() }, ['address'])),
    ),
    emailsLower: maskable(arrayOf(str())),
    primaryEmail: maskable(str()),
    phones: maskable(arrayOf(object({ number: str(), label: str() }, ['number']))),
    title: str(),
    socialProfiles: maskable(arrayOf(object({}))),
    address: address(),
    ownerId: str(),
    accountId: str(),
    tags: arrayOf(str()),
    customFields: customFields(),
    // The masking goes by field name: the email channel's consent is masked like an address.
    consents: mapOf(maskable(consent)),
    origin: object({}),
    status: oneOfValues(['active', 'merged']),
    survivorId: str(),
    mergedAt: dateTime(),
    mergedContactIds: arrayOf(str()),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    revision: revision(),
  },
  [
    'tenantId',
    'contactId',
    'firstName',
    'lastName',
    'fullName',
    'tags',
    'customFields',
    'consents',
    'status',
    'mergedContactIds',
    'revision',
  ],
);

export const LEAD_VIEW: SchemaObject = object(
  {
    tenantId: str(),
    leadId: str(),
    source: str(),
    campaignId: str(),
    contact: object(
      {
        firstName: str(),
        lastName: str(),
        email: maskable(str()),
        phone: maskable(str()),
        company: str(),
        title: str(),
        industry: str(),
        companySize: int("the company's employees"),
        country: str('ISO 3166-1 alpha-2, upper-case'),
      },
      ['firstName', 'lastName'],
    ),
    score: int(),
    scoreBreakdown: ref('LeadScoreBreakdown'),
    scoringModelVersion: int('the scoring-model version that scored the lead last'),
    marketingQualifiedAt: dateTime(),
    lastEngagedAt: dateTime(),
    ownerId: str(),
    status: oneOfValues(['new', 'qualified', 'disqualified', 'converted']),
    capturedAt: dateTime(),
    qualifiedAt: dateTime(),
    qualificationNote: str(),
    disqualifiedAt: dateTime(),
    disqualificationReason: str(),
    convertedAt: dateTime(),
    conversion: object({ contactId: str(), accountId: str(), dealId: str() }, ['contactId']),
    updatedAt: dateTime(),
    revision: revision(),
  },
  ['tenantId', 'leadId', 'source', 'contact', 'score', 'status', 'capturedAt', 'revision'],
);

const stageVisit = object({ stageId: str(), enteredAt: dateTime(), leftAt: dateTime() }, [
  'stageId',
  'enteredAt',
]);

export const DEAL_DOCUMENT: SchemaObject = object(
  {
    tenantId: str(),
    dealId: str(),
    title: str(),
    accountId: str(),
    contactId: str(),
    amount: MONEY,
    pipelineId: str(),
    stageId: str(),
    probability: num(),
    expectedCloseDate: calendarDate(),
    ownerId: str(),
    origin: object({ leadId: str() }, ['leadId']),
    status: oneOfValues(['open', 'won', 'lost']),
    openedAt: dateTime(),
    closedAt: dateTime(),
    wonAt: dateTime(),
    lostAt: dateTime(),
    lostReason: str(),
    reopenCount: int(),
    stageEnteredAt: dateTime(),
    stageHistory: arrayOf(stageVisit),
    revision: revision(),
  },
  [
    'tenantId',
    'dealId',
    'title',
    'amount',
    'pipelineId',
    'stageId',
    'probability',
    'expectedCloseDate',
    'status',
    'stageHistory',
    'revision',
  ],
);

const stage = object({ stageId: str(), name: str(), probability: num() }, [
  'stageId',
  'name',
  'probability',
]);

export const PIPELINE_VIEW: SchemaObject = object(
  {
    tenantId: str(),
    pipelineId: str(),
    name: str(),
    stages: arrayOf(stage),
    removedStages: arrayOf(object({ stageId: str(), name: str() }, ['stageId'])),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    revision: revision(),
  },
  ['tenantId', 'pipelineId', 'name', 'stages', 'removedStages', 'revision'],
);

export const TASK_VIEW: SchemaObject = object(
  {
    tenantId: str(),
    taskId: str(),
    title: str(),
    dueAt: dateTime(),
    assigneeId: str(),
    relatedTo: object({ kind: str(), id: str() }, ['kind', 'id']),
    notes: str(),
    status: oneOfValues(['open', 'completed', 'cancelled']),
    scheduledAt: dateTime(),
    rescheduleCount: int(),
    completedAt: dateTime(),
    outcome: str(),
    cancelledAt: dateTime(),
    cancellationReason: str(),
    overdue: bool(),
    revision: revision(),
  },
  ['tenantId', 'taskId', 'title', 'dueAt', 'assigneeId', 'status', 'revision'],
);

export const TICKET_VIEW: SchemaObject = object(
  {
    tenantId: str(),
    ticketId: str(),
    contactId: str(),
    accountId: str(),
    channel: oneOfValues(TICKET_CHANNELS),
    priority: str(),
    subject: str(),
    status: str(),
    assigneeId: str(),
    openedAt: dateTime(),
    sla: object(
      {
        priority: str(),
        firstResponseMinutes: int(),
        resolutionMinutes: int(),
        firstResponseDueAt: dateTime(),
        resolutionDueAt: dateTime(),
      },
      ['firstResponseDueAt', 'resolutionDueAt'],
    ),
    firstResponseAt: dateTime(),
    resolvedAt: dateTime(),
    closedAt: dateTime(),
    escalationLevel: int(),
    replyCount: object({ agent: int(), customer: int() }, ['agent', 'customer']),
    reopenCount: int(),
    lastActivityAt: dateTime(),
    slaBreaches: arrayOf(
      object(
        {
          target: oneOfValues(TICKET_SLA_TARGET_NAMES),
          dueAt: dateTime(),
          breachedAt: dateTime(),
          priority: str(),
        },
        ['target', 'dueAt', 'breachedAt', 'priority'],
      ),
    ),
    revision: revision(),
  },
  [
    'tenantId',
    'ticketId',
    'contactId',
    'channel',
    'priority',
    'subject',
    'status',
    'openedAt',
    'sla',
    'escalationLevel',
    'replyCount',
    'revision',
  ],
);

export const TOUCH_COUNTS: SchemaObject = object(
  { sent: int(), opened: int(), clicked: int(), responded: int() },
  ['sent', 'opened', 'clicked', 'responded'],
);

export const CAMPAIGN_VIEW: SchemaObject = object(
  {
    tenantId: str(),
    campaignId: str(),
    name: str(),
    channel: oneOfValues(CAMPAIGN_CHANNELS),
    budget: MONEY,
    startsOn: calendarDate(),
    endsOn: calendarDate(),
    status: str(),
    memberCount: int(),
    touchCounts: ref('TouchCounts'),
    completedAt: dateTime(),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    revision: revision(),
  },
  [
    'tenantId',
    'campaignId',
    'name',
    'channel',
    'budget',
    'startsOn',
    'endsOn',
    'status',
    'memberCount',
    'touchCounts',
    'revision',
  ],
);

export const INTERACTION_VIEW: SchemaObject = object(
  {
    tenantId: str(),
    interactionId: str(),
    contactId: str(),
    accountId: str(),
    dealId: str(),
    ticketId: str(),
    occurredAt: dateTime(),
    channel: oneOfValues(['call', 'email', 'meeting', 'note']),
    direction: str(),
    durationSeconds: int(),
    outcome: str(),
    excerpt: str(),
    revision: revision(),
  },
  ['tenantId', 'interactionId', 'occurredAt', 'channel', 'revision'],
);

const quoteLine = object(
  {
    lineId: str(),
    productName: str(),
    quantity: int(),
    unitPrice: MONEY,
    discountPercent: num(),
    net: MONEY,
  },
  ['lineId', 'productName', 'quantity', 'unitPrice', 'net'],
);

export const QUOTE_VIEW: SchemaObject = object(
  {
    tenantId: str(),
    quoteId: str(),
    title: str(),
    accountId: str(),
    dealId: str(),
    contactId: str(),
    currency: str(),
    validUntil: calendarDate(),
    status: str(),
    version: int(),
    lines: arrayOf(quoteLine),
    discountPercent: num(),
    subtotal: MONEY,
    discount: MONEY,
    total: MONEY,
    createdAt: dateTime(),
    revision: revision(),
  },
  [
    'tenantId',
    'quoteId',
    'title',
    'accountId',
    'currency',
    'validUntil',
    'status',
    'version',
    'lines',
    'subtotal',
    'total',
    'revision',
  ],
);
