import { AggregateKind, DomainEventType } from '@crm/domain';

const LOGGED_INTERACTIONS = new Set(['CallLogged', 'EmailLogged', 'MeetingLogged', 'NoteLogged']);

const KIND_PREFIXES: readonly [string, AggregateKind][] = [
  ['Account', 'account'],
  ['Campaign', 'campaign'],
  ['Contact', 'contact'],
  ['Deal', 'deal'],
  ['Interaction', 'interaction'],
  ['Lead', 'lead'],
  ['Pipeline', 'pipeline'],
  ['Quote', 'quote'],
  ['Task', 'task'],
  ['Ticket', 'ticket'],
];

/**
 * The kind of record an event type is recorded on: its name starts with the kind (`DealWon`),
 * except the interactions, which are named after what was logged (`CallLogged`). A spec checks
 * that every event type has one.
 */
export const kindOfEventType = (type: DomainEventType): AggregateKind => {
  if (LOGGED_INTERACTIONS.has(type)) return 'interaction';
  const found = KIND_PREFIXES.find(([prefix]) => type.startsWith(prefix));
  if (!found) throw new Error(`event type ${type} names no record kind`);
  return found[1];
};
