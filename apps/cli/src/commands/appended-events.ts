import { isProcessStream, parseStreamName } from '@crm/application';
import { EventStore } from '@crm/event-store';

export type AppendedEvents = {
  /** Events of the tenant appended after the given position. */
  total: number;
  byKind: Record<string, number>;
  /** Process managers' own bookkeeping (checkpoints, parked events): no tenant. */
  processStreams: number;
};

const PAGE = 1000;

/** Counts what was appended after `after`, per aggregate kind, paging through the log. */
export const countAppendedEvents = async (
  store: EventStore,
  after: bigint,
  tenantId: string,
): Promise<AppendedEvents> => {
  const counts: AppendedEvents = { total: 0, byKind: {}, processStreams: 0 };
  let from = after < 0n ? undefined : after;
  for (;;) {
    const page = await store.readAll({ after: from, maxCount: PAGE });
    for (const recorded of page) {
      const stream = parseStreamName(recorded.streamName);
      if (isProcessStream(recorded.streamName)) counts.processStreams++;
      else if (stream?.tenantId === tenantId) {
        counts.total++;
        counts.byKind[stream.kind] = (counts.byKind[stream.kind] ?? 0) + 1;
      }
    }
    if (page.length < PAGE) return counts;
    from = page[page.length - 1].position;
  }
};
