import {
  slaTargetMissedFrom,
  slaTargetProgress,
  TicketEvent,
  TicketSla,
  TicketSlaTarget,
} from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { TicketDocument, TicketSlaBreachRecord } from './tickets.document';
import { slaBreachedFrom } from './tickets.sla-breached-from';

type TicketEventType = TicketEvent['type'];
type On<T extends TicketEventType> = ProjectedEvent<Extract<TicketEvent, { type: T }>>;

/** Keyed by every member of the union, so a new ticket event type fails to compile until listed. */
const HANDLED: Record<TicketEventType, true> = {
  TicketOpened: true,
  TicketAssigned: true,
  TicketUnassigned: true,
  TicketReplied: true,
  TicketPriorityChanged: true,
  TicketEscalated: true,
  TicketResolved: true,
  TicketReopened: true,
  TicketClosed: true,
  TicketFirstResponseBreached: true,
  TicketResolutionBreached: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isTicketEvent = (event: ProjectedEvent): event is ProjectedEvent<TicketEvent> =>
  handles.has(event.type);

const copySla = (sla: TicketSla): TicketSla => ({
  priority: sla.priority,
  firstResponseMinutes: sla.firstResponseMinutes,
  resolutionMinutes: sla.resolutionMinutes,
  firstResponseDueAt: sla.firstResponseDueAt,
  resolutionDueAt: sla.resolutionDueAt,
});

const opened = (event: On<'TicketOpened'>, documentId: string): TicketDocument => {
  const { data } = event;
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    ticketId: data.ticketId,
    contactId: data.contactId,
    ...(data.accountId !== undefined && { accountId: data.accountId }),
    channel: data.channel,
    priority: data.priority,
    subject: data.subject,
    status: 'open',
    openedAt: data.openedAt,
    sla: copySla(data.sla),
    escalationLevel: 0,
    replyCount: { agent: 0, customer: 0 },
    reopenCount: 0,
    lastActivityAt: data.openedAt,
  };
};

const replied = (ticket: TicketDocument, event: On<'TicketReplied'>): TicketDocument => {
  const { author, repliedAt, isFirstResponse } = event.data;
  if (author !== 'agent' && author !== 'customer') {
    throw new Error(
      `TicketReplied for ${event.data.ticketId} has unknown author "${String(author)}"`,
    );
  }
  return {
    ...ticket,
    replyCount: { ...ticket.replyCount, [author]: ticket.replyCount[author] + 1 },
    // The first first-response wins: a replayed or duplicated flag must not move it.
    ...(isFirstResponse && ticket.firstResponseAt === undefined && { firstResponseAt: repliedAt }),
    lastActivityAt: repliedAt,
  };
};

const breachRecorded = (
  ticket: TicketDocument,
  target: TicketSlaTarget,
  event: On<'TicketFirstResponseBreached' | 'TicketResolutionBreached'>,
): TicketDocument => {
  const { dueAt, breachedAt, priority } = event.data;
  const breach: TicketSlaBreachRecord = { target, dueAt, breachedAt, priority };
  return { ...ticket, slaBreaches: [...(ticket.slaBreaches ?? []), breach] };
};

const evolveTicket = (
  current: TicketDocument | undefined,
  event: ProjectedEvent<TicketEvent>,
  documentId: string,
): TicketDocument | undefined => {
  if (event.type === 'TicketOpened') return opened(event, documentId);
  if (current === undefined) return current;
  // Assignment and priority changes carry no time of their own.
  const recordedAt = event.metadata.recordedAt;
  switch (event.type) {
    case 'TicketAssigned':
      return { ...current, assigneeId: event.data.agentId, lastActivityAt: recordedAt };
    case 'TicketUnassigned': {
      const { assigneeId: _cleared, ...rest } = current;
      return { ...rest, lastActivityAt: recordedAt };
    }
    case 'TicketReplied':
      return replied(current, event);
    case 'TicketPriorityChanged':
      return {
        ...current,
        priority: event.data.priority,
        sla: copySla(event.data.sla),
        lastActivityAt: recordedAt,
      };
    case 'TicketEscalated':
      return {
        ...current,
        escalationLevel: event.data.level,
        lastActivityAt: event.data.escalatedAt,
      };
    case 'TicketResolved':
      return {
        ...current,
        status: 'resolved',
        resolvedAt: event.data.resolvedAt,
        lastActivityAt: event.data.resolvedAt,
      };
    case 'TicketReopened': {
      // Open again: its resolution is pending, so the previous one is no longer its resolvedAt.
      const { resolvedAt: _resolvedAt, ...rest } = current;
      return {
        ...rest,
        status: 'open',
        reopenCount: current.reopenCount + 1,
        lastActivityAt: event.data.reopenedAt,
      };
    }
    case 'TicketClosed':
      return {
        ...current,
        status: 'closed',
        closedAt: event.data.closedAt,
        lastActivityAt: event.data.closedAt,
      };
    // A breach is a fact about a deadline, not activity on the ticket.
    case 'TicketFirstResponseBreached':
      return breachRecorded(current, 'first-response', event);
    case 'TicketResolutionBreached':
      return breachRecorded(current, 'resolution', event);
  }
};

const reachedLate = (reachedAt: string | undefined, dueAt: string): boolean =>
  reachedAt !== undefined && Date.parse(reachedAt) > Date.parse(dueAt);

/**
 * The ticket with `_firstResponseLate` / `_resolutionLate` set where a target was reached after
 * its deadline (compared as instants), so that lists can filter breached tickets in the store;
 * a target still pending is breached once its deadline passes, which the query compares.
 */
export const withSlaOutcome = (ticket: TicketDocument): TicketDocument => {
  const {
    _firstResponseLate,
    _resolutionLate,
    _firstResponseMissedFrom,
    _resolutionMissedFrom,
    _slaBreachedFrom,
    ...rest
  } = ticket;
  const resolvedAt = ticket.status === 'open' ? undefined : (ticket.resolvedAt ?? ticket.closedAt);
  const firstResponseMissedFrom = unrecordedMissFrom(ticket, 'first-response', resolvedAt);
  const resolutionMissedFrom = unrecordedMissFrom(ticket, 'resolution', resolvedAt);
  const late = {
    firstResponse: reachedLate(ticket.firstResponseAt, ticket.sla.firstResponseDueAt),
    resolution: reachedLate(resolvedAt, ticket.sla.resolutionDueAt),
  };
  const breachedFrom = slaBreachedFrom(ticket, late);
  return {
    ...rest,
    ...(late.firstResponse && { _firstResponseLate: true }),
    ...(late.resolution && { _resolutionLate: true }),
    ...(firstResponseMissedFrom && { _firstResponseMissedFrom: firstResponseMissedFrom }),
    ...(resolutionMissedFrom && { _resolutionMissedFrom: resolutionMissedFrom }),
    ...(breachedFrom !== undefined && { _slaBreachedFrom: breachedFrom }),
  };
};

/** The deadline from which the target counts as missed, unless its breach is recorded already. */
const unrecordedMissFrom = (
  ticket: TicketDocument,
  target: TicketSlaTarget,
  settledAt: string | undefined,
): string | undefined => {
  const progress = slaTargetProgress(
    {
      sla: ticket.sla,
      open: ticket.status === 'open',
      firstRespondedAt: ticket.firstResponseAt,
      settledAt,
    },
    target,
  );
  const recorded = (ticket.slaBreaches ?? []).some(
    (breach) => breach.target === target && breach.dueAt === progress.dueAt,
  );
  return recorded ? undefined : slaTargetMissedFrom(progress);
};

/** `tickets`: one document per support ticket. */
export const ticketsProjection: Projection<TicketDocument> = {
  name: 'tickets',
  // 6: `_slaBreachedFrom`, for the breached-tickets list.
  version: 6,
  history: true,
  indexes: [
    { fields: ['tenantId', 'contactId'] },
    { fields: ['tenantId', 'accountId'] },
    { fields: ['tenantId', 'status'] },
    { fields: ['tenantId', 'assigneeId'] },
    // Open tickets breached at a moment, in list order: filtered, sorted and paged in the store.
    { fields: ['tenantId', 'status', '_slaBreachedFrom', 'openedAt', 'ticketId'] },
    // The breach detector's due-and-unrecorded queries, across tenants.
    { fields: ['_firstResponseMissedFrom'] },
    { fields: ['_resolutionMissedFrom'] },
  ],
  handles,
  documentIds: (event) =>
    isTicketEvent(event) ? [documentIdFor(event.metadata.tenantId, event.data.ticketId)] : [],
  evolve: (current, event, documentId) => {
    if (!isTicketEvent(event)) return current;
    const next = evolveTicket(current, event, documentId);
    return next === undefined || next === current ? next : withSlaOutcome(next);
  },
};
