import {
  AccountEvent,
  CampaignEvent,
  ContactEvent,
  DealEvent,
  InteractionEvent,
  LeadEvent,
  QuoteEvent,
  TaskEvent,
  TicketEvent,
} from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { accountTimeline } from './facts/account.timeline';
import { campaignTimeline } from './facts/campaign.timeline';
import { contactTimeline } from './facts/contact.timeline';
import { dealTimeline } from './facts/deal.timeline';
import { interactionTimeline } from './facts/interaction.timeline';
import { leadTimeline } from './facts/lead.timeline';
import { quoteTimeline } from './facts/quote.timeline';
import { taskTimeline } from './facts/task.timeline';
import { ticketTimeline } from './facts/ticket.timeline';
import { TimelineFactsByKind, TimelineFactValues } from './timeline-fact-kinds';
import { Fact, TimelineFacts } from './timeline-facts';
import { TimelineEntryDocument, TimelineLinks } from './timeline.document';

type AnyEvent =
  | AccountEvent
  | CampaignEvent
  | ContactEvent
  | DealEvent
  | InteractionEvent
  | LeadEvent
  | QuoteEvent
  | TaskEvent
  | TicketEvent;

/** Every event of these aggregates, one file of facts per aggregate. */
const timelineFacts: TimelineFacts<AnyEvent, TimelineFactsByKind> = {
  ...accountTimeline,
  ...campaignTimeline,
  ...contactTimeline,
  ...dealTimeline,
  ...interactionTimeline,
  ...leadTimeline,
  ...quoteTimeline,
  ...taskTimeline,
  ...ticketTimeline,
};

const handles: ReadonlySet<string> = new Set(
  Object.entries(timelineFacts)
    .filter(([, fact]) => fact !== null)
    .map(([type]) => type),
);

const isTimelineEvent = (event: ProjectedEvent): event is ProjectedEvent<AnyEvent> =>
  handles.has(event.type);

/** The fact of a significant event, through the facts of its type (the cast pairs them). */
const factOf = (event: ProjectedEvent<AnyEvent>): Fact<TimelineFactValues> => {
  const factFor = timelineFacts[event.type] as
    ((e: ProjectedEvent<AnyEvent>) => Fact<TimelineFactValues>) | null;
  if (factFor === null) throw new Error(`${event.type} is not on the timeline`);
  return factFor(event);
};

const LINK_FIELDS = [
  'contactId',
  'accountId',
  'dealId',
  'ticketId',
  'leadId',
  'campaignId',
  'taskId',
  'quoteId',
  'interactionId',
] as const satisfies readonly (keyof TimelineLinks)[];

/** The links that are set (plain JSON: no field holding `undefined`). */
const compactLinks = (links: TimelineLinks): TimelineLinks => {
  const set: TimelineLinks = {};
  for (const field of LINK_FIELDS) {
    const value = links[field];
    if (value !== undefined) set[field] = value;
  }
  return set;
};

/** Plain JSON, as a document store gives it back: no field holding `undefined`. */
const plainFacts = (facts: TimelineFactValues): TimelineFactValues =>
  JSON.parse(JSON.stringify(facts)) as TimelineFactValues;

const entryFor = (event: ProjectedEvent<AnyEvent>, documentId: string): TimelineEntryDocument => {
  const { occurredAt, links, facts } = factOf(event);
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    eventId: event.id,
    type: event.type,
    occurredAt: occurredAt ?? event.metadata.recordedAt,
    position: Number(event.position),
    ...compactLinks(links),
    facts: plainFacts(facts),
    actorId: event.metadata.actorId,
  };
};

export const timelineProjection: Projection<TimelineEntryDocument> = {
  name: 'timeline',
  // 2: entries keep facts, not summaries (worded when read); tags, custom fields, unlinking.
  version: 2,
  history: true,
  // In timeline order after the record: a page of one record's entries is read, sorted and
  // limited in the store.
  indexes: [
    { fields: ['tenantId', 'contactId', 'occurredAt', 'position'] },
    { fields: ['tenantId', 'accountId', 'occurredAt', 'position'] },
    { fields: ['tenantId', 'dealId', 'occurredAt', 'position'] },
    { fields: ['tenantId', 'ticketId', 'occurredAt', 'position'] },
  ],
  handles,
  documentIds(event) {
    if (!isTimelineEvent(event)) return [];
    if (typeof event.id !== 'string' || event.id.length === 0) {
      throw new Error(`a ${event.type} event at position ${event.position} has no id`);
    }
    return [documentIdFor(event.metadata.tenantId, event.id)];
  },
  evolve(current, event, documentId) {
    // Each entry is written once, by its own event; a replay finds it already there.
    if (current !== undefined || !isTimelineEvent(event)) return current;
    return entryFor(event, documentId);
  },
};
