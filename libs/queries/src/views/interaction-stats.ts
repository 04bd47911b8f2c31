import { InteractionChannel, InteractionDocument } from '@crm/projections';
import { DocumentCollection, Filter } from '@crm/read-store';
import { interactionView, InteractionView } from './record-summaries';
import { anyOf, findForEach, inSlices } from './tenant-documents';
import { compareText } from './compare';

const CHANNELS: Record<InteractionChannel, true> = {
  call: true,
  email: true,
  meeting: true,
  note: true,
};

export type InteractionCounts = Record<InteractionChannel, number> & { total: number };

export type InteractionStats = {
  /** The latest interaction that happened by `now` (a meeting logged ahead of time waits). */
  lastInteraction: InteractionView | null;
  counts: InteractionCounts;
};

/**
 * Counts per channel of the interactions whose `field` is any of `ids` and that meet `filter`:
 * one count per channel and id, each answered by an index on `[tenantId, field, channel, ...]`.
 */
export const interactionCounts = async (
  interactions: DocumentCollection<InteractionDocument>,
  tenantId: string,
  field: 'contactId' | 'accountId',
  ids: readonly string[],
  filter: Filter = {},
): Promise<InteractionCounts> => {
  const channels = Object.keys(CHANNELS) as InteractionChannel[];
  const perChannel = await Promise.all(
    channels.map(async (channel) => {
      const perId = await Promise.all(
        inSlices(ids).map((slice) =>
          interactions.count({ ...filter, tenantId, [field]: anyOf(slice), channel }),
        ),
      );
      return [channel, perId.reduce((sum, count) => sum + count, 0)] as const;
    }),
  );
  const counts = Object.fromEntries(perChannel) as Record<InteractionChannel, number>;
  return { ...counts, total: perChannel.reduce((sum, [, count]) => sum + count, 0) };
};

/** Counts per channel and the latest interaction, over the interactions whose `field` is any of `ids`. */
export const interactionStats = async (
  interactions: DocumentCollection<InteractionDocument>,
  tenantId: string,
  field: 'contactId' | 'accountId',
  ids: readonly string[],
  now: Date,
): Promise<InteractionStats> => {
  const [counts, latest] = await Promise.all([
    interactionCounts(interactions, tenantId, field, ids),
    findForEach(
      interactions,
      tenantId,
      field,
      ids,
      { occurredAt: { $lte: now.toISOString() } },
      { sort: { occurredAt: -1, _id: -1 }, limit: 1 },
    ),
  ]);
  const last = latest.sort((a, b) => compareText(b.occurredAt, a.occurredAt))[0];
  return { lastInteraction: last === undefined ? null : interactionView(last), counts };
};

/** Per channel, `a`'s counts with `b`'s added, each multiplied by `sign`. */
export const addedCounts = (
  a: InteractionCounts,
  b: InteractionCounts,
  sign: 1 | -1 = 1,
): InteractionCounts => {
  const counts = { ...a };
  for (const key of Object.keys(counts) as (keyof InteractionCounts)[]) {
    counts[key] += sign * b[key];
  }
  return counts;
};

/** The later of two interactions (the first one when they happened at the same time). */
export const laterInteraction = (
  first: InteractionView | null,
  second: InteractionView | null,
): InteractionView | null =>
  first === null
    ? second
    : second === null
      ? first
      : first.occurredAt >= second.occurredAt
        ? first
        : second;
