import { DomainEvent } from '@crm/domain';
import { projectedEvent, ProjectionSpecification } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { TimelineFactValues } from './timeline-fact-kinds';
import { timelineSummary } from './timeline-summary';
import { TimelineNames } from './timeline-wording';
import { TimelineEntryDocument, TimelineLinks } from './timeline.document';
import { timelineProjection } from './timeline.projection';

/** Test support for the timeline specs: events as the runner gives them, entries as it writes them. */

type Options = Parameters<typeof projectedEvent>[1];

export const RECORDED_AT = '2026-02-01T08:00:00.000Z';

export const timelineEvent = <E extends DomainEvent>(
  type: E['type'],
  data: E['data'],
  options: Options = {},
): ProjectedEvent =>
  projectedEvent<E>({ type, data } as E, { recordedAt: RECORDED_AT, ...options });

/** The entry an event writes, as the runner would get it: plain JSON, with no worded line. */
export const entryOf = (projected: ProjectedEvent): TimelineEntryDocument => {
  expect(timelineProjection.handles.has(projected.type)).toBe(true);
  const ids = timelineProjection.documentIds(projected);
  expect(ids).toEqual([`${projected.metadata.tenantId}:${projected.id}`]);
  const entry = timelineProjection.evolve(undefined, projected, ids[0]);
  if (entry === undefined || entry === null) throw new Error(`no entry for ${projected.type}`);
  expect(JSON.parse(JSON.stringify(entry))).toStrictEqual(entry);
  expect(entry).not.toHaveProperty('summary');
  return entry;
};

/** The line the event's entry reads as, worded from its stored facts. */
export const summaryOf = (projected: ProjectedEvent, names?: TimelineNames): string =>
  timelineSummary(entryOf(projected), names);

export type Expected = {
  occurredAt: string;
  links: TimelineLinks;
  facts: TimelineFactValues;
  summary: string;
};

/** One case per significant event type: the event and what its entry holds and reads as. */
export type TimelineCase = [string, ProjectedEvent, Expected];

/** The whole entry `projected` writes, and the line it reads as. */
export const expectEntry = (projected: ProjectedEvent, expected: Expected): void => {
  ProjectionSpecification.for(timelineProjection)
    .given([projected])
    .then([
      {
        _id: `${projected.metadata.tenantId}:${projected.id}`,
        tenantId: projected.metadata.tenantId,
        eventId: projected.id,
        type: projected.type,
        occurredAt: expected.occurredAt,
        position: Number(projected.position),
        ...expected.links,
        facts: expected.facts,
        actorId: 'user-1',
      },
    ]);
  expect(summaryOf(projected)).toBe(expected.summary);
};
