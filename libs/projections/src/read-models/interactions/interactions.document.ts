import { CallOutcome, InteractionDirection, IsoDateTime } from '@crm/domain';

export type InteractionChannel = 'call' | 'email' | 'meeting' | 'note';

/** The most text an interaction document keeps of a call summary, email preview or note body. */
export const INTERACTION_EXCERPT_MAX_LENGTH = 500;

/** What every interaction has: the records it is filed under and when it happened. */
type InteractionBase = {
  _id: string;
  tenantId: string;
  interactionId: string;
  /** The contact it was logged for; links corrections never change it. */
  contactId: string;
  accountId?: string;
  dealId?: string;
  ticketId?: string;
  /** A meeting's `startAt`; every channel is ordered by this one field. */
  occurredAt: IsoDateTime;
};

export type CallInteractionDocument = InteractionBase & {
  channel: 'call';
  direction: InteractionDirection;
  durationSeconds: number;
  outcome: CallOutcome;
  /** The call summary, at most INTERACTION_EXCERPT_MAX_LENGTH characters. */
  excerpt?: string;
};

export type EmailInteractionDocument = InteractionBase & {
  channel: 'email';
  direction: InteractionDirection;
  subject: string;
  /** The body preview, at most INTERACTION_EXCERPT_MAX_LENGTH characters. */
  excerpt?: string;
};

export type MeetingInteractionDocument = InteractionBase & {
  channel: 'meeting';
  subject: string;
  participants: string[];
  startAt: IsoDateTime;
  endAt: IsoDateTime;
  location?: string;
};

export type NoteInteractionDocument = InteractionBase & {
  channel: 'note';
  /** The note body, at most INTERACTION_EXCERPT_MAX_LENGTH characters. */
  excerpt: string;
};

/** One logged interaction (call, email, meeting or note); `channel` tells which fields it has. */
export type InteractionDocument =
  | CallInteractionDocument
  | EmailInteractionDocument
  | MeetingInteractionDocument
  | NoteInteractionDocument;
