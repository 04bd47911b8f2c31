import { InteractionCorrectableLink } from '@crm/domain';
import { InteractionFacts, LinkChange } from '../facts/interaction.timeline';
import { duration, excerpt, suffix, words, Wording } from '../timeline-wording';

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
