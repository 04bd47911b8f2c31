import { IsoDateTime } from '@crm/domain';
import { TimelineFactValues } from './timeline-fact-kinds';

/**
 * One significant fact on the timeline of the records it is linked to. Only the links the event
 * itself carries are set: deal and ticket events after the opening one carry only their deal or
 * ticket id (queries join deals/tickets to contacts), task completions only their task id.
 */
export type TimelineEntryDocument = {
  _id: string;
  tenantId: string;
  /** The stored event's id (`event.id`). */
  eventId: string;
  /** The bare event type, `CallLogged`. */
  type: string;
  /** When the fact happened: an interaction's `occurredAt`, else the event's own time field, else when it was recorded. */
  occurredAt: IsoDateTime;
  /** The event's global log position, to order entries that share `occurredAt`. */
  position: number;
  contactId?: string;
  accountId?: string;
  dealId?: string;
  ticketId?: string;
  leadId?: string;
  campaignId?: string;
  taskId?: string;
  quoteId?: string;
  /** For interaction events: the interaction, whose links a later correction may change. */
  interactionId?: string;
  /**
   * The event's values its line (`Call (outbound, 4 min): connected`) is worded from when the
   * timeline is read (`timelineSummary`), so a wording change needs no rebuild. Never answered.
   */
  facts: TimelineFactValues;
  /** Who caused the event (`metadata.actorId`). */
  actorId: string;
};

/** The record links an entry may carry. */
export type TimelineLinks = Pick<
  TimelineEntryDocument,
  | 'contactId'
  | 'accountId'
  | 'dealId'
  | 'ticketId'
  | 'leadId'
  | 'campaignId'
  | 'taskId'
  | 'quoteId'
  | 'interactionId'
>;
