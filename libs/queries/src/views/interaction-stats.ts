import { InteractionChannel, InteractionDocument } from '@crm/projections';
import { DocumentCollection, Filter } from '@crm/read-store';
import { interactionView, InteractionView } from './record-summaries';
import { findForEach } from './tenant-documents';
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

/** Counts per channel and the latest interaction, over the interactions whose `field` is any of `ids`. */
export const interactionStats = async (
  interactions: DocumentCollection<InteractionDocument>,
  tenantId: string,
  field: 'contactId' | 'accountId',
  ids: readonly string[],
  now: Date,
  /** Further conditions every counted interaction meets. */
  filter: Filter = {},
): Promise<InteractionStats> => {
  const channels = Object.keys(CHANNELS) as InteractionChannel[];
  const perChannel = await Promise.all(
    channels.map(async (channel) => {
      const perId = await Promise.all(
        [...new Set(ids)].map((id) =>
          interactions.count({ ...filter, tenantId, [field]: id, channel }),
        ),
      );
      return [channel, perId.reduce((sum, count) => sum + count, 0)] as const;
    }),
  );
  const latest = await findForEach(
    interactions,
    tenantId,
    field,
    ids,
    { ...filter, occurredAt: { $lte: now.toISOString() } },
    { sort: { occurredAt: -1, _id: -1 }, limit: 1 },
  );
  const last = latest.sort((a, b) => compareText(b.occurredAt, a.occurredAt))[0];
  const counts = Object.fromEntries(perChannel) as Record<InteractionChannel, number>;
  return {
    lastInteraction: last === undefined ? null : interactionView(last),
    counts: { ...counts, total: perChannel.reduce((sum, [, count]) => sum + count, 0) },
  };
};

/** The stats of two disjoint sets of interactions together. */
export const combinedStats = (a: InteractionStats, b: InteractionStats): InteractionStats => {
  const counts = { ...a.counts };
  for (const key of Object.keys(counts) as (keyof InteractionCounts)[]) {
    counts[key] += b.counts[key];
  }
  const [first, second] = [a.lastInteraction, b.lastInteraction];
  const lastInteraction =
    first === null
      ? second
      : second === null
        ? first
        : first.occurredAt >= second.occurredAt
          ? first
          : second;
  return { lastInteraction, counts };
};
