import { InteractionCorrectableLink, InteractionEvent } from '@crm/domain';
import { ProjectedEvent } from '../../../projection';
import { Fact, keptOptionalText, TimelineFacts } from '../timeline-facts';
import { TimelineLinks } from '../timeline.document';
import { duration, excerpt, suffix, Wording, words } from '../timeline-wording';

/** One link a correction changed: to another record, or unlinked (`null`). */
export type LinkChange = { link: InteractionCorrectableLink; to: string | null; was?: string };

/** What interaction events keep for their timeline lines. */
export type InteractionFacts = {
  CallLogged: { direction: string; durationSeconds: number; outcome: string; summary?: string };
  EmailLogged: { direction: string; subject?: string };
  MeetingLogged: { startAt: string; endAt: string; participantCount: number; subject?: string };
  NoteLogged: { body?: string };
  InteractionLinksCorrected: { changes: LinkChange[] };
};

/** In the order the line names them. */
const CORRECTABLE_LINKS = [
  'accountId',
  'dealId',
  'ticketId',
] as const satisfies readonly InteractionCorrectableLink[];

type LinksCorrected = ProjectedEvent<
  Extract<InteractionEvent, { type: 'InteractionLinksCorrected' }>
>;

/**
 * A correction is on the timeline of the records it links now and of those it unlinked, so an
 * account or deal sees an interaction leave it.
 */
const linksCorrected = ({
  data,
}: LinksCorrected): Fact<InteractionFacts['InteractionLinksCorrected']> => {
  const links: TimelineLinks = { contactId: data.contactId, interactionId: data.interactionId };
  const changes: LinkChange[] = [];
  for (const link of CORRECTABLE_LINKS) {
    const to = data[link];
    if (to === undefined) continue;
    const previous = data.previous?.[link];
    const was = typeof previous === 'string' ? previous : undefined;
    changes.push({ link, to, was });
    const linked = to ?? was;
    if (linked !== undefined) links[link] = linked;
  }
  return { links, facts: { changes } };
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

/** Which interaction events are on the timeline, and their facts. */
export const interactionTimeline: TimelineFacts<InteractionEvent, InteractionFacts> = {
  CallLogged: (event) => {
    const { direction, durationSeconds, outcome, summary, occurredAt } = event.data;
    return {
      occurredAt,
      links: interactionLinks(event.data),
      facts: { direction, durationSeconds, outcome, summary: keptOptionalText(summary) },
    };
  },
  EmailLogged: (event) => {
    const { direction, subject, occurredAt } = event.data;
    return {
      occurredAt,
      links: interactionLinks(event.data),
      facts: { direction, subject: keptOptionalText(subject) },
    };
  },
  MeetingLogged: (event) => {
    const { startAt, endAt, participants, subject, occurredAt } = event.data;
    return {
      occurredAt,
      links: interactionLinks(event.data),
      facts: {
        startAt,
        endAt,
        participantCount: participants.length,
        subject: keptOptionalText(subject),
      },
    };
  },
  NoteLogged: (event) => {
    return {
      occurredAt: event.data.occurredAt,
      links: interactionLinks(event.data),
      facts: { body: keptOptionalText(event.data.body) },
    };
  },
  InteractionLinksCorrected: linksCorrected,
};

/** How each fact reads, worded when the timeline is read: a wording change needs no rebuild. */
const LINK_LABELS: Record<InteractionCorrectableLink, string> = {
  accountId: 'account',
  dealId: 'deal',
  ticketId: 'ticket',
};

const changeText = ({ link, to, was }: LinkChange): string => {
  const previously = was !== undefined ? ` (was ${was})` : '';
  return `${LINK_LABELS[link]} ${to === null ? 'unlinked' : to}${previously}`;
};

const meetingDetails = (startAt: string, endAt: string, participantCount: number): string => {
  const length = (Date.parse(endAt) - Date.parse(startAt)) / 1000;
  const participants = `${participantCount} ${participantCount === 1 ? 'participant' : 'participants'}`;
  return [...(Number.isFinite(length) ? [duration(length)] : []), participants].join(', ');
};

export const interactionWording: Wording<InteractionFacts> = {
  CallLogged: ({ direction, durationSeconds, outcome, summary }) =>
    `Call (${direction}, ${duration(durationSeconds)}): ${words(outcome)}${
      summary !== undefined ? ` - ${excerpt(summary)}` : ''
    }`,
  EmailLogged: ({ direction, subject }) => `Email (${direction})${suffix(subject)}`,
  MeetingLogged: ({ startAt, endAt, participantCount, subject }) =>
    `Meeting (${meetingDetails(startAt, endAt, participantCount)})${suffix(subject)}`,
  NoteLogged: ({ body }) => `Note${suffix(body)}`,
  InteractionLinksCorrected: ({ changes }) =>
    changes.length > 0
      ? `Links corrected: ${changes.map(changeText).join(', ')}`
      : 'Links corrected',
};
