import {
  AccountEvent,
  CampaignEvent,
  ContactEvent,
  DealEvent,
  InteractionCorrectableLink,
  InteractionEvent,
  IsoDateTime,
  LeadEvent,
  Money,
  RecordRef,
  TaskEvent,
  TicketEvent,
} from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { TimelineEntryDocument, TimelineLinks } from './timeline.document';

type AnyEvent =
  | AccountEvent
  | CampaignEvent
  | ContactEvent
  | DealEvent
  | InteractionEvent
  | LeadEvent
  | TaskEvent
  | TicketEvent;

/**
 * Every event of these aggregates, classified: on the timeline or not. A new event type fails the
 * type check until it is classified here.
 */
const ON_TIMELINE = {
  AccountRegistered: true,
  AccountProfileUpdated: false,
  AccountOwnerAssigned: false,
  AccountTagged: false,
  AccountUntagged: false,
  AccountCustomFieldSet: false,
  AccountArchived: true,
  CampaignCreated: false,
  CampaignMembersAdded: false,
  CampaignMembersRemoved: false,
  CampaignTouchRecorded: true,
  CampaignCompleted: false,
  ContactCreated: true,
  ContactUpdated: false,
  ContactLinkedToAccount: true,
  ContactUnlinkedFromAccount: false,
  ContactOwnerAssigned: false,
  ContactTagged: false,
  ContactUntagged: false,
  ContactCustomFieldSet: false,
  ContactConsentRecorded: true,
  ContactMerged: true,
  DealOpened: true,
  DealAmountChanged: true,
  DealExpectedCloseChanged: false,
  DealStageMoved: true,
  DealWon: true,
  DealLost: true,
  DealReopened: true,
  CallLogged: true,
  EmailLogged: true,
  MeetingLogged: true,
  NoteLogged: true,
  InteractionLinksCorrected: true,
  LeadCaptured: true,
  LeadScoreAdjusted: false,
  LeadAssigned: false,
  LeadQualified: true,
  LeadDisqualified: true,
  LeadConverted: true,
  TaskScheduled: true,
  TaskRescheduled: false,
  TaskCompleted: true,
  TaskCancelled: false,
  TicketOpened: true,
  TicketAssigned: false,
  TicketReplied: true,
  TicketPriorityChanged: false,
  TicketEscalated: true,
  TicketResolved: true,
  TicketReopened: true,
  TicketClosed: true,
} as const satisfies Record<AnyEvent['type'], boolean>;

type ShownType = {
  [T in keyof typeof ON_TIMELINE]: (typeof ON_TIMELINE)[T] extends true ? T : never;
}[keyof typeof ON_TIMELINE];

type TimelineEvent = Extract<AnyEvent, { type: ShownType }>;

const handles: ReadonlySet<string> = new Set(
  Object.entries(ON_TIMELINE)
    .filter(([, shown]) => shown)
    .map(([type]) => type),
);

const isTimelineEvent = (event: ProjectedEvent): event is ProjectedEvent<TimelineEvent> =>
  handles.has(event.type);

/** What an event contributes to its entry; `occurredAt` is left out where the event has no time. */
type Fact = { occurredAt?: IsoDateTime; links: TimelineLinks; summary: string };

const SUMMARY_TEXT_LIMIT = 120;

/** Free text squeezed onto one short line. */
const excerpt = (text: string, limit = SUMMARY_TEXT_LIMIT): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= limit ? line : `${line.slice(0, limit - 1).trimEnd()}…`;
};

/** `: text` when there is text, else nothing. */
const suffix = (text: string | undefined): string =>
  text !== undefined && text.trim().length > 0 ? `: ${excerpt(text)}` : '';

const words = (code: string): string => code.replace(/_/g, ' ');

const money = ({ amount, currency }: Money): string => `${amount} ${currency}`;

const percent = (probability: number): string => `${Math.round(probability * 100)}%`;

const duration = (seconds: number): string => {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
};

/** A date-time as `2026-02-01 14:00 UTC`; text that is no date is shown as it is. */
const moment = (at: IsoDateTime): string => {
  const time = Date.parse(at);
  return Number.isFinite(time)
    ? `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : at;
};

const personName = (firstName: string, lastName: string): string =>
  [firstName.trim(), lastName.trim()].filter((part) => part.length > 0).join(' ');

const LINK_FIELDS = [
  'contactId',
  'accountId',
  'dealId',
  'ticketId',
  'leadId',
  'campaignId',
  'taskId',
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

const RELATED_LINK: Record<RecordRef['kind'], keyof TimelineLinks> = {
  account: 'accountId',
  contact: 'contactId',
  lead: 'leadId',
  deal: 'dealId',
  ticket: 'ticketId',
  campaign: 'campaignId',
};

const relatedLinks = (relatedTo: RecordRef | undefined): TimelineLinks => {
  if (relatedTo === undefined) return {};
  if (!Object.hasOwn(RELATED_LINK, relatedTo.kind)) {
    throw new Error(`a task is related to an unknown kind of record: ${relatedTo.kind}`);
  }
  return { [RELATED_LINK[relatedTo.kind]]: relatedTo.id };
};

const CORRECTABLE_LABELS: Record<InteractionCorrectableLink, string> = {
  accountId: 'account',
  dealId: 'deal',
  ticketId: 'ticket',
};

const linksCorrected = (
  event: ProjectedEvent<Extract<InteractionEvent, { type: 'InteractionLinksCorrected' }>>,
): Fact => {
  const { data } = event;
  const links: TimelineLinks = { contactId: data.contactId, interactionId: data.interactionId };
  const changes: string[] = [];
  for (const field of Object.keys(CORRECTABLE_LABELS) as InteractionCorrectableLink[]) {
    const value = data[field];
    if (value === undefined) continue;
    const label = CORRECTABLE_LABELS[field];
    const previous = data.previous?.[field];
    const was = typeof previous === 'string' ? ` (was ${previous})` : '';
    if (value === null) {
      changes.push(`${label} unlinked${was}`);
    } else {
      links[field] = value;
      changes.push(`${label} ${value}${was}`);
    }
  }
  return {
    links,
    summary: changes.length > 0 ? `Links corrected: ${changes.join(', ')}` : 'Links corrected',
  };
};

const interactionLinks = (data: {
  interactionId: string;
  contactId: string;
  accountId?: string;
  dealId?: string;
  ticketId?: string;
}): TimelineLinks => ({
  contactId: data.contactId,
  accountId: data.accountId,
  dealId: data.dealId,
  ticketId: data.ticketId,
  interactionId: data.interactionId,
});

const leadConverted = (
  event: ProjectedEvent<Extract<LeadEvent, { type: 'LeadConverted' }>>,
): Fact => {
  const { data } = event;
  const parts = [`contact ${data.contactId}`];
  if (data.account !== undefined) {
    const { accountId, createWithName } = data.account;
    parts.push(
      createWithName !== undefined
        ? `new account ${excerpt(createWithName, 60)}`
        : `account ${accountId}`,
    );
  }
  if (data.deal !== undefined) {
    parts.push(`deal ${excerpt(data.deal.title, 60)} (${money(data.deal.amount)})`);
  }
  return {
    occurredAt: data.convertedAt,
    links: {
      leadId: data.leadId,
      contactId: data.contactId,
      accountId: data.account?.accountId,
      dealId: data.deal?.dealId,
      campaignId: data.campaignId,
    },
    summary: `Lead ${personName(data.contact.firstName, data.contact.lastName)} converted: ${parts.join(', ')}`,
  };
};

/** The time, links and summary of one significant event. */
const factOf = (event: ProjectedEvent<TimelineEvent>): Fact => {
  switch (event.type) {
    case 'CallLogged': {
      const { data } = event;
      return {
        occurredAt: data.occurredAt,
        links: interactionLinks(data),
        summary: `Call (${data.direction}, ${duration(data.durationSeconds)}): ${words(data.outcome)}${
          data.summary !== undefined && data.summary.trim().length > 0
            ? ` - ${excerpt(data.summary)}`
            : ''
        }`,
      };
    }
    case 'EmailLogged': {
      const { data } = event;
      return {
        occurredAt: data.occurredAt,
        links: interactionLinks(data),
        summary: `Email (${data.direction})${suffix(data.subject)}`,
      };
    }
    case 'MeetingLogged': {
      const { data } = event;
      const length = (Date.parse(data.endAt) - Date.parse(data.startAt)) / 1000;
      const details = [
        ...(Number.isFinite(length) ? [duration(length)] : []),
        `${data.participants.length} ${data.participants.length === 1 ? 'participant' : 'participants'}`,
      ];
      return {
        occurredAt: data.occurredAt,
        links: interactionLinks(data),
        summary: `Meeting (${details.join(', ')})${suffix(data.subject)}`,
      };
    }
    case 'NoteLogged':
      return {
        occurredAt: event.data.occurredAt,
        links: interactionLinks(event.data),
        summary: `Note${suffix(event.data.body)}`,
      };
    case 'InteractionLinksCorrected':
      return linksCorrected(event);

    case 'ContactCreated': {
      const { data } = event;
      return {
        links: {
          contactId: data.contactId,
          accountId: data.accountId,
          leadId: data.origin?.leadId,
        },
        summary: `Contact created: ${personName(data.firstName, data.lastName)}`,
      };
    }
    case 'ContactLinkedToAccount': {
      const { contactId, accountId, previousAccountId } = event.data;
      return {
        links: { contactId, accountId },
        summary:
          previousAccountId !== undefined
            ? `Moved from account ${previousAccountId} to account ${accountId}`
            : `Linked to account ${accountId}`,
      };
    }
    case 'ContactMerged':
      return {
        occurredAt: event.data.mergedAt,
        links: { contactId: event.data.contactId },
        summary: `Merged into contact ${event.data.survivorId}`,
      };
    case 'ContactConsentRecorded': {
      const { contactId, channel, status, source, recordedAt } = event.data;
      return {
        occurredAt: recordedAt,
        links: { contactId },
        summary: `Consent (${channel}): ${words(status)}, source ${excerpt(source, 60)}`,
      };
    }

    case 'AccountRegistered': {
      const { accountId, name, domain } = event.data;
      return {
        links: { accountId },
        summary: `Account registered: ${excerpt(name, 80)}${domain !== undefined ? ` (${domain})` : ''}`,
      };
    }
    case 'AccountArchived':
      return {
        occurredAt: event.data.archivedAt,
        links: { accountId: event.data.accountId },
        summary: `Account archived${suffix(event.data.reason)}`,
      };

    case 'LeadCaptured': {
      const { data } = event;
      const company = data.contact.company !== undefined ? ` (${data.contact.company})` : '';
      return {
        occurredAt: data.capturedAt,
        links: { leadId: data.leadId, campaignId: data.campaignId },
        summary: `Lead captured from ${data.source}: ${personName(data.contact.firstName, data.contact.lastName)}${company}, score ${data.score}`,
      };
    }
    case 'LeadQualified':
      return {
        occurredAt: event.data.qualifiedAt,
        links: { leadId: event.data.leadId },
        summary: `Lead qualified${suffix(event.data.note)}`,
      };
    case 'LeadDisqualified':
      return {
        occurredAt: event.data.disqualifiedAt,
        links: { leadId: event.data.leadId },
        summary: `Lead disqualified${suffix(event.data.reason)}`,
      };
    case 'LeadConverted':
      return leadConverted(event);

    case 'DealOpened': {
      const { data } = event;
      return {
        occurredAt: data.openedAt,
        links: {
          dealId: data.dealId,
          contactId: data.contactId,
          accountId: data.accountId,
          leadId: data.origin?.leadId,
        },
        summary: `Deal opened: ${excerpt(data.title, 80)} (${money(data.amount)})`,
      };
    }
    case 'DealStageMoved': {
      const { dealId, fromStageId, toStageId, probability, movedAt } = event.data;
      return {
        occurredAt: movedAt,
        links: { dealId },
        summary: `Stage moved: ${fromStageId} → ${toStageId} (${percent(probability)})`,
      };
    }
    case 'DealWon':
      return {
        occurredAt: event.data.wonAt,
        links: { dealId: event.data.dealId },
        summary: `Deal won (${money(event.data.amount)})`,
      };
    case 'DealLost':
      return {
        occurredAt: event.data.lostAt,
        links: { dealId: event.data.dealId },
        summary: `Deal lost${suffix(event.data.reason)}`,
      };
    case 'DealReopened': {
      const { dealId, stageId, probability, reopenedAt } = event.data;
      return {
        occurredAt: reopenedAt,
        links: { dealId },
        summary: `Deal reopened in stage ${stageId} (${percent(probability)})`,
      };
    }
    case 'DealAmountChanged': {
      const { dealId, previousAmount, amount } = event.data;
      return {
        links: { dealId },
        summary: `Amount changed: ${money(previousAmount)} → ${money(amount)}`,
      };
    }

    case 'TicketOpened': {
      const { data } = event;
      return {
        occurredAt: data.openedAt,
        links: { ticketId: data.ticketId, contactId: data.contactId, accountId: data.accountId },
        summary: `Ticket opened (${data.channel}, ${data.priority})${suffix(data.subject)}`,
      };
    }
    case 'TicketReplied': {
      const { ticketId, author, body, repliedAt, isFirstResponse } = event.data;
      const who = author === 'agent' ? 'Agent' : 'Customer';
      return {
        occurredAt: repliedAt,
        links: { ticketId },
        summary: `${who} replied${isFirstResponse ? ' (first response)' : ''}${suffix(body)}`,
      };
    }
    case 'TicketEscalated': {
      const { ticketId, level, reason, escalatedAt } = event.data;
      return {
        occurredAt: escalatedAt,
        links: { ticketId },
        summary: `Ticket escalated to level ${level}${suffix(reason)}`,
      };
    }
    case 'TicketResolved':
      return {
        occurredAt: event.data.resolvedAt,
        links: { ticketId: event.data.ticketId },
        summary: `Ticket resolved${suffix(event.data.resolution)}`,
      };
    case 'TicketReopened':
      return {
        occurredAt: event.data.reopenedAt,
        links: { ticketId: event.data.ticketId },
        summary: `Ticket reopened${suffix(event.data.reason)}`,
      };
    case 'TicketClosed':
      return {
        occurredAt: event.data.closedAt,
        links: { ticketId: event.data.ticketId },
        summary: 'Ticket closed',
      };

    case 'TaskScheduled': {
      const { taskId, title, dueAt, relatedTo } = event.data;
      return {
        links: { taskId, ...relatedLinks(relatedTo) },
        summary: `Task scheduled: ${excerpt(title, 80)} (due ${moment(dueAt)})`,
      };
    }
    case 'TaskCompleted':
      // The event carries only the task id: no title, no related record.
      return {
        occurredAt: event.data.completedAt,
        links: { taskId: event.data.taskId },
        summary: `Task completed${suffix(event.data.outcome)}`,
      };

    case 'CampaignTouchRecorded': {
      const { campaignId, contactId, touch, occurredAt } = event.data;
      return {
        occurredAt,
        links: { campaignId, contactId },
        summary: `Campaign ${campaignId}: ${touch}`,
      };
    }
  }
};

const entryFor = (
  event: ProjectedEvent<TimelineEvent>,
  documentId: string,
): TimelineEntryDocument => {
  const { occurredAt, links, summary } = factOf(event);
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    eventId: event.id,
    type: event.type,
    occurredAt: occurredAt ?? event.metadata.recordedAt,
    position: Number(event.position),
    ...compactLinks(links),
    summary,
    actorId: event.metadata.actorId,
  };
};

export const timelineProjection: Projection<TimelineEntryDocument> = {
  name: 'timeline',
  version: 1,
  indexes: [
    { fields: ['tenantId', 'contactId'] },
    { fields: ['tenantId', 'accountId'] },
    { fields: ['tenantId', 'dealId'] },
    { fields: ['tenantId', 'ticketId'] },
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
