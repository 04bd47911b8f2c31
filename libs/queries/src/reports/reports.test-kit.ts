import { computeTicketSla, Money, toMoney } from '@crm/domain';
import {
  CampaignDocument,
  DealDocument,
  LeadDocument,
  PipelineDocument,
  TicketDocument,
} from '@crm/projections';

/**
 * Hand-made read-model documents for the report specs: every field a report does not look at has
 * a plain default, so a fixture states only what its figures depend on.
 */

export const TENANT = 'acme';

/** An amount as read models hold it, from the major units a spec reads best in. */
export const eur = (amount: number): Money => toMoney({ amount, currency: 'EUR' });
export const usd = (amount: number): Money => toMoney({ amount, currency: 'USD' });

const OPENED_AT = '2026-01-01T00:00:00.000Z';

export const aDeal = (dealId: string, fields: Partial<DealDocument> = {}): DealDocument => {
  const stageId = fields.stageId ?? 'discovery';
  const openedAt = fields.openedAt ?? OPENED_AT;
  return {
    _id: `${TENANT}:${dealId}`,
    tenantId: TENANT,
    dealId,
    title: `Deal ${dealId}`,
    amount: eur(1000),
    pipelineId: 'sales',
    stageId,
    probability: 0.1,
    expectedCloseDate: '2026-03-31',
    ownerId: 'ann',
    status: 'open',
    openedAt,
    reopenCount: 0,
    stageEnteredAt: openedAt,
    stageHistory: [{ stageId, enteredAt: openedAt }],
    ...fields,
  };
};

export const aWonDeal = (
  dealId: string,
  wonAt: string,
  fields: Partial<DealDocument> = {},
): DealDocument => aDeal(dealId, { status: 'won', closedAt: wonAt, wonAt, ...fields });

export const aLostDeal = (
  dealId: string,
  lostAt: string,
  fields: Partial<DealDocument> = {},
): DealDocument =>
  aDeal(dealId, { status: 'lost', closedAt: lostAt, lostAt, lostReason: 'price', ...fields });

/** A deal whose stays are the given stages, one a day from `openedAt`, the last still open. */
export const stays = (...stageIds: string[]): Pick<DealDocument, 'stageId' | 'stageHistory'> => {
  const day = (index: number): string => new Date(Date.UTC(2026, 0, 1 + index)).toISOString();
  return {
    stageId: stageIds[stageIds.length - 1],
    stageHistory: stageIds.map((stageId, index) => ({
      stageId,
      enteredAt: day(index),
      ...(index < stageIds.length - 1 && { leftAt: day(index + 1) }),
    })),
  };
};

export const aLead = (leadId: string, fields: Partial<LeadDocument> = {}): LeadDocument => ({
  _id: `${TENANT}:${leadId}`,
  tenantId: TENANT,
  leadId,
  source: 'web',
  contact: { firstName: 'Lee', lastName: leadId },
  score: 0,
  scoreBreakdown: { initial: 0, manual: 0, rules: [] },
  status: 'new',
  capturedAt: '2026-01-05T00:00:00.000Z',
  updatedAt: '2026-01-05T00:00:00.000Z',
  ...fields,
});

/** A lead converted into `dealId` (it went through qualification, as conversion requires). */
export const aConvertedLead = (
  leadId: string,
  dealId: string | undefined,
  fields: Partial<LeadDocument> = {},
): LeadDocument =>
  aLead(leadId, {
    status: 'converted',
    qualifiedAt: '2026-01-06T00:00:00.000Z',
    convertedAt: '2026-01-07T00:00:00.000Z',
    conversion: { contactId: `contact-${leadId}`, ...(dealId !== undefined && { dealId }) },
    ...fields,
  });

export const aPipeline = (fields: Partial<PipelineDocument> = {}): PipelineDocument => ({
  _id: `${TENANT}:sales`,
  tenantId: TENANT,
  pipelineId: 'sales',
  name: 'Sales',
  stages: [
    { stageId: 'discovery', name: 'Discovery', probability: 0.1 },
    { stageId: 'proposal', name: 'Proposal', probability: 0.5 },
    { stageId: 'negotiation', name: 'Negotiation', probability: 0.8 },
  ],
  removedStages: [],
  createdAt: OPENED_AT,
  updatedAt: OPENED_AT,
  ...fields,
});

/** A ticket opened at `openedAt` with the SLA of its priority (deadlines from opening). */
export const aTicket = (
  ticketId: string,
  priority: TicketDocument['priority'],
  openedAt: string,
  fields: Partial<TicketDocument> = {},
): TicketDocument => ({
  _id: `${TENANT}:${ticketId}`,
  tenantId: TENANT,
  ticketId,
  contactId: 'c-1',
  channel: 'email',
  priority,
  subject: `Ticket ${ticketId}`,
  status: 'open',
  openedAt,
  sla: computeTicketSla(openedAt, priority),
  escalationLevel: 0,
  replyCount: { agent: 0, customer: 0 },
  reopenCount: 0,
  lastActivityAt: openedAt,
  ...fields,
});

export const aCampaign = (
  campaignId: string,
  fields: Partial<CampaignDocument> = {},
): CampaignDocument => ({
  _id: `${TENANT}:${campaignId}`,
  tenantId: TENANT,
  campaignId,
  name: `Campaign ${campaignId}`,
  channel: 'email',
  budget: eur(1000),
  startsOn: '2026-01-01',
  endsOn: '2026-03-31',
  status: 'active',
  memberCount: 0,
  touchCounts: { sent: 0, opened: 0, clicked: 0, responded: 0 },
  createdAt: OPENED_AT,
  updatedAt: OPENED_AT,
  ...fields,
});
