import { SEARCH_FIELD, withSearchTerms } from '../search-terms';
import { IsoDateTime, LeadContact, LeadEvent, RulePoints } from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { LeadDocument } from './leads.document';

type LeadEventType = LeadEvent['type'];
type On<T extends LeadEventType> = ProjectedEvent<Extract<LeadEvent, { type: T }>>;

/** Keyed by every member of the union, so a new lead event type fails to compile until listed. */
const HANDLED: Record<LeadEventType, true> = {
  LeadCaptured: true,
  LeadScoreAdjusted: true,
  LeadScored: true,
  LeadMarketingQualified: true,
  LeadEngaged: true,
  LeadAssigned: true,
  LeadUnassigned: true,
  LeadQualified: true,
  LeadDisqualified: true,
  LeadConverted: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isLeadEvent = (event: ProjectedEvent): event is ProjectedEvent<LeadEvent> =>
  handles.has(event.type);

const copyContact = (contact: LeadContact): LeadContact => ({ ...contact });

const captured = (event: On<'LeadCaptured'>, documentId: string): LeadDocument => {
  const { data } = event;
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    leadId: data.leadId,
    source: data.source,
    ...(data.campaignId !== undefined && { campaignId: data.campaignId }),
    contact: copyContact(data.contact),
    score: data.score,
    scoreBreakdown: { initial: data.score, manual: 0, rules: [] },
    ...(data.ownerId !== undefined && { ownerId: data.ownerId }),
    status: 'new',
    capturedAt: data.capturedAt,
    updatedAt: data.capturedAt,
    ...(data.contact.email !== undefined && { _email: data.contact.email.toLowerCase() }),
  };
};

/** The rules' points after a scoring: a rule whose points come to 0 leaves the breakdown. */
const withRuleChanges = (rules: RulePoints[], changes: readonly RulePoints[]): RulePoints[] => {
  const next = rules.map((entry) => ({ ...entry }));
  for (const { rule, points } of changes) {
    const entry = next.find((candidate) => candidate.rule === rule);
    if (entry) entry.points += points;
    else next.push({ rule, points });
  }
  return next.filter((entry) => entry.points !== 0);
};

const decayDueOf = (lead: LeadDocument): IsoDateTime | undefined =>
  lead._decayDueAt ?? lead._decayHeldDueAt;

const withoutDecayDue = (lead: LeadDocument): LeadDocument => {
  const { _decayDueAt: _due, _decayHeldDueAt: _held, ...rest } = lead;
  return rest;
};

/**
 * A disqualified lead does not decay, but it may be qualified again: its due moment is held
 * aside, out of the detector's index, and comes back with the qualification.
 */
const withDecayDue = (lead: LeadDocument, dueAt: IsoDateTime | undefined): LeadDocument => {
  if (dueAt === undefined) return lead;
  return lead.status === 'disqualified'
    ? { ...lead, _decayHeldDueAt: dueAt }
    : { ...lead, _decayDueAt: dueAt };
};

const converted = (lead: LeadDocument, event: On<'LeadConverted'>): LeadDocument => {
  const { data } = event;
  const { _decayDueAt: _closed, _decayHeldDueAt: _held, ...rest } = lead;
  return {
    ...rest,
    // The event repeats the lead as it was converted; it is the latest word on these fields.
    source: data.source,
    ...(data.campaignId !== undefined && { campaignId: data.campaignId }),
    contact: copyContact(data.contact),
    ...(data.ownerId !== undefined && { ownerId: data.ownerId }),
    status: 'converted',
    convertedAt: data.convertedAt,
    conversion: {
      contactId: data.contactId,
      ...(data.account !== undefined && { accountId: data.account.accountId }),
      ...(data.deal !== undefined && { dealId: data.deal.dealId }),
    },
    updatedAt: data.convertedAt,
  };
};

const evolveLead = (
  current: LeadDocument | undefined,
  event: ProjectedEvent<LeadEvent>,
  documentId: string,
): LeadDocument | undefined => {
  if (event.type === 'LeadCaptured') return current ?? captured(event, documentId);
  // The log is history: an event for a lead this projection never saw changes nothing.
  if (current === undefined) return current;
  const updatedAt = event.metadata.recordedAt;
  switch (event.type) {
    case 'LeadScoreAdjusted': {
      const { scoreBreakdown: parts } = current;
      const scoreBreakdown = { ...parts, manual: parts.manual + event.data.delta };
      return { ...current, score: event.data.score, scoreBreakdown, updatedAt };
    }
    case 'LeadScored': {
      const { modelVersion, changes, score, decay } = event.data;
      const { scoreBreakdown: parts, ...rest } = withoutDecayDue(current);
      const scoreBreakdown = { ...parts, rules: withRuleChanges(parts.rules, changes) };
      // An event without decay leaves it where it stood.
      const decayDueAt = decay === undefined ? decayDueOf(current) : decay.nextDueAt;
      return withDecayDue(
        { ...rest, score, scoreBreakdown, scoringModelVersion: modelVersion, updatedAt },
        decayDueAt,
      );
    }
    case 'LeadMarketingQualified':
      return { ...current, marketingQualifiedAt: event.data.qualifiedAt, updatedAt };
    case 'LeadEngaged':
      return { ...current, lastEngagedAt: event.data.at, updatedAt };
    case 'LeadAssigned':
      return { ...current, ownerId: event.data.ownerId, updatedAt };
    case 'LeadUnassigned': {
      const { ownerId: _cleared, ...rest } = current;
      return { ...rest, updatedAt };
    }
    case 'LeadQualified': {
      const { qualificationNote: _previous, ...rest } = withoutDecayDue(current);
      const { note, qualifiedAt } = event.data;
      const qualified: LeadDocument = {
        ...rest,
        status: 'qualified',
        qualifiedAt,
        ...(note !== undefined && { qualificationNote: note }),
        updatedAt: qualifiedAt,
      };
      return withDecayDue(qualified, decayDueOf(current));
    }
    case 'LeadDisqualified': {
      const { reason, disqualifiedAt } = event.data;
      const disqualified: LeadDocument = {
        ...withoutDecayDue(current),
        status: 'disqualified',
        disqualifiedAt,
        disqualificationReason: reason,
        updatedAt: disqualifiedAt,
      };
      return withDecayDue(disqualified, decayDueOf(current));
    }
    case 'LeadConverted':
      return converted(current, event);
  }
};

/** Leads are found by their contact's name, email, phone and company. */
const searchTexts = ({ contact }: LeadDocument) => [
  contact.firstName,
  contact.lastName,
  contact.email,
  contact.phone,
  contact.company,
];

export const leadsProjection: Projection<LeadDocument> = {
  name: 'leads',
  version: 7,
  history: true,
  indexes: [
    { fields: ['tenantId', 'source'] },
    { fields: ['tenantId', 'campaignId'] },
    { fields: ['tenantId', 'status'] },
    { fields: ['tenantId', 'ownerId'] },
    // The lead-engagement process finds a contact's leads by email.
    { fields: ['tenantId', '_email'] },
    // The lead-decay detector finds the leads whose next decay period is due, across tenants.
    { fields: ['_decayDueAt', '_id'] },
    // A search, newest first (the list's default order), with the status last: the index alone
    // answers a search with or without a status, sorted, paged and counted (one term is a single
    // equality on the array field: see filter-plan.ts), and a status change rewrites its rows as
    // the status index it replaces did.
    { fields: ['tenantId', SEARCH_FIELD, 'capturedAt', 'leadId', 'status'] },
  ],
  handles,
  documentIds(event) {
    if (!isLeadEvent(event)) return [];
    const { leadId } = event.data;
    if (typeof leadId !== 'string' || leadId.length === 0) {
      throw new Error(`${event.type} event ${event.id} has no leadId`);
    }
    return [documentIdFor(event.metadata.tenantId, leadId)];
  },
  evolve(current, event, documentId) {
    if (!isLeadEvent(event)) return current;
    const next = evolveLead(current, event, documentId);
    return next === undefined || next === current
      ? next
      : withSearchTerms(next, current, searchTexts);
  },
};
