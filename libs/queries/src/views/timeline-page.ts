import { TimelineEntryDocument } from '@crm/projections';
import { Filter } from '@crm/read-store';
import { ReadCollections } from './read-model-collections';
import { answeredEntries, TimelineEntry } from './timeline-entries';
import { encodeTimelineCursor, parseTimelineCursor, TimelineCursor } from './timeline-cursor';
import { findForEach } from './tenant-documents';
import { compareText } from './compare';

export const TIMELINE_DEFAULT_LIMIT = 20;
export const TIMELINE_MAX_LIMIT = 100;

export type TimelinePage = {
  /** Newest first: `occurredAt` descending, then log position descending. */
  entries: TimelineEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
};

export type TimelineOptions = {
  /** Only these event types (bare names, `CallLogged`); all when absent or empty. */
  types?: readonly string[];
  /** Entries per page: default 20, at most 100. */
  limit?: number;
  /** A `nextCursor` of an earlier page: only entries older than it. */
  before?: string;
};

/** The records whose entries make up one timeline: entries linked to any of them count. */
export type TimelineSources = {
  contactIds?: readonly string[];
  accountIds?: readonly string[];
  dealIds?: readonly string[];
  ticketIds?: readonly string[];
};

const SOURCE_FIELDS = {
  contactIds: 'contactId',
  accountIds: 'accountId',
  dealIds: 'dealId',
  ticketIds: 'ticketId',
} as const satisfies Record<keyof TimelineSources, keyof TimelineEntryDocument>;

export const clampTimelineLimit = (limit: number | undefined): number =>
  Math.min(TIMELINE_MAX_LIMIT, Math.max(1, Math.floor(limit ?? TIMELINE_DEFAULT_LIMIT)));

/**
 * Entries strictly older than the cursor, as two disjoint filters without `$or` (earlier, or at
 * the same time and earlier in the log), so that an index answers each.
 */
const olderThan = ({ occurredAt, position }: TimelineCursor): Filter[] => [
  { occurredAt: { $lt: occurredAt } },
  { occurredAt, position: { $lt: position } },
];

const newestFirst = (a: TimelineEntryDocument, b: TimelineEntryDocument): number =>
  compareText(b.occurredAt, a.occurredAt) || b.position - a.position;

/**
 * One page of the timeline of `sources`: each linked record is read through its own index with
 * the same order, filters and limit (+1 to know whether more follow), then the answers are merged.
 */
export const readTimeline = async (
  collections: ReadCollections,
  tenantId: string,
  sources: TimelineSources,
  options: TimelineOptions = {},
): Promise<TimelinePage> => {
  const limit = clampTimelineLimit(options.limit);
  const ofTypes: Filter =
    options.types !== undefined && options.types.length > 0
      ? { type: { $in: [...options.types] } }
      : {};
  const filters =
    options.before === undefined
      ? [ofTypes]
      : olderThan(parseTimelineCursor(options.before)).map((older) => ({ ...ofTypes, ...older }));
  const timeline = await collections.timeline();
  const answers = await Promise.all(
    (Object.keys(SOURCE_FIELDS) as (keyof TimelineSources)[]).flatMap((source) =>
      filters.map((filter) =>
        findForEach(timeline, tenantId, SOURCE_FIELDS[source], sources[source] ?? [], filter, {
          sort: { occurredAt: -1, position: -1 },
          limit: limit + 1,
        }),
      ),
    ),
  );
  const unique = new Map(answers.flat().map((entry) => [entry._id, entry]));
  const ordered = [...unique.values()].sort(newestFirst);
  const page = ordered.slice(0, limit);
  const last = page[page.length - 1];
  return {
    entries: await answeredEntries(collections, tenantId, page),
    nextCursor:
      ordered.length > limit && last !== undefined
        ? encodeTimelineCursor({ occurredAt: last.occurredAt, position: last.position })
        : null,
  };
};
