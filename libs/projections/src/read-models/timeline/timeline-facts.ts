import { DomainEvent, IsoDateTime } from '@crm/domain';
import { ProjectedEvent } from '../../projection';
import { TimelineLinks } from './timeline.document';

/**
 * What an event contributes to its entry: its links, its time (left out where the event has
 * none) and the values its line is worded from when the timeline is read.
 */
export type Fact<F extends object> = { occurredAt?: IsoDateTime; links: TimelineLinks; facts: F };

/** The facts an aggregate keeps, by the type of each event that is on the timeline. */
export type FactsByType<E extends DomainEvent> = { [T in E['type']]?: object };

/**
 * Every event type of an aggregate, classified: the fact it writes when its type is one of
 * `F`'s, else `null` (it stays off the timeline). A new event type fails the type check until
 * it has its line here; a new kind of fact in `F` fails it until its event writes it.
 */
export type TimelineFacts<E extends DomainEvent, F extends FactsByType<E>> = {
  [T in E['type']]: T extends keyof F
    ? (event: ProjectedEvent<Extract<E, { type: T }>>) => Fact<NonNullable<F[T]>>
    : null;
};

/** Free text as a fact keeps it: on one line and no longer than any wording shows it. */
export const FACT_TEXT_LIMIT = 200;

export const keptText = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= FACT_TEXT_LIMIT ? line : `${line.slice(0, FACT_TEXT_LIMIT - 1)}…`;
};

/** Optional free text, kept only when there is some. */
export const keptOptionalText = (text: string | undefined): string | undefined =>
  text !== undefined && text.trim().length > 0 ? keptText(text) : undefined;
