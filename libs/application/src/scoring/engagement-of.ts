import {
  CallLogged,
  CampaignTouchRecorded,
  EmailLogged,
  EngagementKind,
  MeetingLogged,
} from '@crm/domain';
import { StoredEvent } from '@crm/event-store';

type EngagementSource = CampaignTouchRecorded | CallLogged | MeetingLogged | EmailLogged;

/** The events that can be a contact's engagement, by type. */
export const ENGAGEMENT_EVENT_TYPES: ReadonlySet<string> = new Set<EngagementSource['type']>([
  'CampaignTouchRecorded',
  'CallLogged',
  'MeetingLogged',
  'EmailLogged',
]);

export type ContactEngagement = { contactId: string; kind: EngagementKind; at: string };

const kindOf = (event: EngagementSource): EngagementKind | undefined => {
  switch (event.type) {
    case 'CampaignTouchRecorded':
      // A touch that was only sent is the campaign's doing, not the contact's.
      return event.data.touch === 'sent' ? undefined : `campaign-${event.data.touch}`;
    case 'CallLogged':
      return 'call-logged';
    case 'MeetingLogged':
      return 'meeting-logged';
    case 'EmailLogged':
      return event.data.direction === 'inbound' ? 'email-replied' : undefined;
  }
};

/** What the contact did, if the event is an engagement the scoring model can count. */
export const engagementOf = (event: StoredEvent): ContactEngagement | undefined => {
  if (!ENGAGEMENT_EVENT_TYPES.has(event.type)) return undefined;
  const source = event as unknown as StoredEvent<EngagementSource>;
  const kind = kindOf(source);
  return kind && { contactId: source.data.contactId, kind, at: source.data.occurredAt };
};
