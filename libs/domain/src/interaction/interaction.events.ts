import { DomainEvent, IsoDateTime } from '../shared';
import {
  CallOutcome,
  InteractionDirection,
  InteractionLinkChanges,
  InteractionLinks,
} from './interaction.commands';

export type CallLogged = DomainEvent<
  'CallLogged',
  InteractionLinks & {
    interactionId: string;
    occurredAt: IsoDateTime;
    direction: InteractionDirection;
    durationSeconds: number;
    outcome: CallOutcome;
    summary?: string;
  }
>;
export type EmailLogged = DomainEvent<
  'EmailLogged',
  InteractionLinks & {
    interactionId: string;
    occurredAt: IsoDateTime;
    direction: InteractionDirection;
    subject: string;
    bodyPreview?: string;
  }
>;
/** `occurredAt` repeats `startAt`, so timelines can order every interaction by one field. */
export type MeetingLogged = DomainEvent<
  'MeetingLogged',
  InteractionLinks & {
    interactionId: string;
    occurredAt: IsoDateTime;
    subject: string;
    participants: string[];
    startAt: IsoDateTime;
    endAt: IsoDateTime;
    location?: string;
  }
>;
export type NoteLogged = DomainEvent<
  'NoteLogged',
  InteractionLinks & { interactionId: string; occurredAt: IsoDateTime; body: string }
>;
/**
 * Only the links that changed appear: a string links the record, `null` unlinks it.
 * `previous` holds what each of them replaced (`null` where nothing was linked).
 * `contactId` is the (unchanged) contact the interaction belongs to.
 */
export type InteractionLinksCorrected = DomainEvent<
  'InteractionLinksCorrected',
  { interactionId: string; contactId: string } & InteractionLinkChanges & {
      previous: InteractionLinkChanges;
    }
>;

export type InteractionEvent =
  CallLogged | EmailLogged | MeetingLogged | NoteLogged | InteractionLinksCorrected;
