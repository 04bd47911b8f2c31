import { DomainEvent, IsoDateTime } from '@crm/domain';
import { ProjectedEvent } from '../../projection';
import { TimelineLinks } from './timeline.document';

/** What an event contributes to its entry; `occurredAt` is left out where the event has no time. */
export type Fact = { occurredAt?: IsoDateTime; links: TimelineLinks; summary: string };

/**
 * Every event type of an aggregate, classified: how it reads on the timeline, or `null` when it
 * stays off it. A new event type fails the type check until it has its line here.
 */
export type TimelineFacts<E extends DomainEvent> = {
  [T in E['type']]: ((event: ProjectedEvent<Extract<E, { type: T }>>) => Fact) | null;
};
