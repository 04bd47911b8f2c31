import { InteractionCorrectableLink, InteractionEvent } from '@crm/domain';
import { ProjectedEvent } from '../../../projection';
import { Fact, TimelineFacts } from '../timeline-facts';
import { TimelineLinks } from '../timeline.document';
import { excerpt, suffix, words, duration } from '../timeline-wording';

export const CORRECTABLE_LABELS: Record<InteractionCorrectableLink, string> = {
  accountId: 'account',
  dealId: 'deal',
  ticketId: 'ticket',
};

export const linksCorrected = (
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

export const interactionLinks = (data: {
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

/** How interaction events read on the timeline. */
export const interactionTimeline: TimelineFacts<InteractionEvent> = {
  CallLogged: (event) => {
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
  },
  EmailLogged: (event) => {
    const { data } = event;
    return {
      occurredAt: data.occurredAt,
      links: interactionLinks(data),
      summary: `Email (${data.direction})${suffix(data.subject)}`,
    };
  },
  MeetingLogged: (event) => {
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
  },
  NoteLogged: (event) => {
    return {
      occurredAt: event.data.occurredAt,
      links: interactionLinks(event.data),
      summary: `Note${suffix(event.data.body)}`,
    };
  },
  InteractionLinksCorrected: (event) => {
    return linksCorrected(event);
  },
};
