import { Command, IsoDateTime } from '../shared';

/** The records an interaction is filed under: always a contact, optionally an account, deal, ticket. */
export type InteractionLinks = {
  contactId: string;
  accountId?: string;
  dealId?: string;
  ticketId?: string;
};

/** The links a correction may change; the contact an interaction was logged for stays fixed. */
export const INTERACTION_CORRECTABLE_LINKS = ['accountId', 'dealId', 'ticketId'] as const;
export type InteractionCorrectableLink = (typeof INTERACTION_CORRECTABLE_LINKS)[number];

/** A link left out (undefined) is not touched, `null` unlinks it, a string (re)links it. */
export type InteractionLinkChanges = { [Link in InteractionCorrectableLink]?: string | null };

export const INTERACTION_DIRECTIONS = ['inbound', 'outbound'] as const;
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];
export const CALL_OUTCOMES = [
  'connected',
  'no_answer',
  'voicemail',
  'busy',
  'wrong_number',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export type LogCall = Command<
  'LogCall',
  InteractionLinks & {
    interactionId: string;
    occurredAt: IsoDateTime;
    direction: InteractionDirection;
    /** A whole number of seconds, 0 or more. */
    durationSeconds: number;
    outcome: CallOutcome;
    summary?: string;
  }
>;
export type LogEmail = Command<
  'LogEmail',
  InteractionLinks & {
    interactionId: string;
    occurredAt: IsoDateTime;
    direction: InteractionDirection;
    subject: string;
    bodyPreview?: string;
  }
>;
/** A meeting happens at `startAt` (its event's `occurredAt`) and may be logged ahead of time. */
export type LogMeeting = Command<
  'LogMeeting',
  InteractionLinks & {
    interactionId: string;
    subject: string;
    participants: string[];
    startAt: IsoDateTime;
    endAt: IsoDateTime;
    location?: string;
  }
>;
export type LogNote = Command<
  'LogNote',
  InteractionLinks & { interactionId: string; occurredAt: IsoDateTime; body: string }
>;
export type CorrectInteractionLinks = Command<
  'CorrectInteractionLinks',
  { interactionId: string } & InteractionLinkChanges
>;

export type InteractionCommand =
  LogCall | LogEmail | LogMeeting | LogNote | CorrectInteractionLinks;
