import {
  INTERACTION_CORRECTABLE_LINKS,
  InteractionEvent,
  InteractionLinks,
  IsoDateTime,
} from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { INTERACTION_EXCERPT_MAX_LENGTH, InteractionDocument } from './interactions.document';

type InteractionEventType = InteractionEvent['type'];
type On<T extends InteractionEventType> = ProjectedEvent<Extract<InteractionEvent, { type: T }>>;

/** Keyed by every member of the union, so a new interaction event fails to compile until listed. */
const HANDLED: Record<InteractionEventType, true> = {
  CallLogged: true,
  EmailLogged: true,
  MeetingLogged: true,
  NoteLogged: true,
  InteractionLinksCorrected: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isInteractionEvent = (event: ProjectedEvent): event is ProjectedEvent<InteractionEvent> =>
  handles.has(event.type);

/**
 * At most INTERACTION_EXCERPT_MAX_LENGTH UTF-16 units, never ending on half of a surrogate pair
 * (an emoji cut in two would not be valid text).
 */
export const interactionExcerpt = (text: string): string => {
  if (text.length <= INTERACTION_EXCERPT_MAX_LENGTH) return text;
  const cut = text.slice(0, INTERACTION_EXCERPT_MAX_LENGTH);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
};

type LoggedData = InteractionLinks & { interactionId: string; occurredAt: IsoDateTime };

const base = (event: ProjectedEvent<{ type: string; data: LoggedData }>, documentId: string) => {
  const { interactionId, contactId, accountId, dealId, ticketId, occurredAt } = event.data;
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    interactionId,
    contactId,
    ...(accountId !== undefined && { accountId }),
    ...(dealId !== undefined && { dealId }),
    ...(ticketId !== undefined && { ticketId }),
    occurredAt,
  };
};

const call = (event: On<'CallLogged'>, documentId: string): InteractionDocument => {
  const { direction, durationSeconds, outcome, summary } = event.data;
  return {
    ...base(event, documentId),
    channel: 'call',
    direction,
    durationSeconds,
    outcome,
    ...(summary !== undefined && { excerpt: interactionExcerpt(summary) }),
  };
};

const email = (event: On<'EmailLogged'>, documentId: string): InteractionDocument => {
  const { direction, subject, bodyPreview } = event.data;
  return {
    ...base(event, documentId),
    channel: 'email',
    direction,
    subject,
    ...(bodyPreview !== undefined && { excerpt: interactionExcerpt(bodyPreview) }),
  };
};

const meeting = (event: On<'MeetingLogged'>, documentId: string): InteractionDocument => {
  const { subject, participants, startAt, endAt, location } = event.data;
  return {
    ...base(event, documentId),
    channel: 'meeting',
    subject,
    participants: [...participants],
    startAt,
    endAt,
    ...(location !== undefined && { location }),
  };
};

const note = (event: On<'NoteLogged'>, documentId: string): InteractionDocument => ({
  ...base(event, documentId),
  channel: 'note',
  excerpt: interactionExcerpt(event.data.body),
});

/** Only the links the event names change: a string (re)links, `null` unlinks. */
const linksCorrected = (
  current: InteractionDocument,
  event: On<'InteractionLinksCorrected'>,
): InteractionDocument => {
  const next: InteractionDocument = { ...current };
  let changed = false;
  for (const link of INTERACTION_CORRECTABLE_LINKS) {
    const value = event.data[link];
    if (value === undefined || value === (current[link] ?? null)) continue;
    if (value === null) delete next[link];
    else next[link] = value;
    changed = true;
  }
  return changed ? next : current;
};

const evolveInteraction = (
  current: InteractionDocument | undefined,
  event: ProjectedEvent<InteractionEvent>,
  documentId: string,
): InteractionDocument | undefined => {
  switch (event.type) {
    case 'CallLogged':
      return call(event, documentId);
    case 'EmailLogged':
      return email(event, documentId);
    case 'MeetingLogged':
      return meeting(event, documentId);
    case 'NoteLogged':
      return note(event, documentId);
    case 'InteractionLinksCorrected':
      return current === undefined ? current : linksCorrected(current, event);
  }
};

/** `interactions`: one document per logged call, email, meeting or note. */
export const interactionsProjection: Projection<InteractionDocument> = {
  name: 'interactions',
  version: 2,
  history: true,
  indexes: [
    // A 360's counts per channel and its latest interaction are answered from these alone.
    { fields: ['tenantId', 'contactId', 'occurredAt'] },
    // With the account: an account 360 counts its contacts' interactions filed elsewhere.
    { fields: ['tenantId', 'contactId', 'channel', 'accountId'] },
    { fields: ['tenantId', 'accountId', 'occurredAt'] },
    { fields: ['tenantId', 'accountId', 'channel'] },
    { fields: ['tenantId', 'dealId'] },
    { fields: ['tenantId', 'ticketId'] },
  ],
  handles,
  documentIds: (event) =>
    isInteractionEvent(event)
      ? [documentIdFor(event.metadata.tenantId, event.data.interactionId)]
      : [],
  evolve: (current, event, documentId) =>
    isInteractionEvent(event) ? evolveInteraction(current, event, documentId) : current,
};
