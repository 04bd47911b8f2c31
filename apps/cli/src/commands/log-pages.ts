import { isProcessStream, parseStreamName } from '@crm/application';
import { EventStore, RecordedEvent } from '@crm/event-store';

const PAGE = 500;

/** A tenant's events in log order, one page in memory at a time. */
export async function* tenantEvents(
  store: EventStore,
  tenantId: string,
): AsyncGenerator<RecordedEvent> {
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    for (const recorded of page) {
      if (isProcessStream(recorded.streamName)) continue;
      if (parseStreamName(recorded.streamName)?.tenantId === tenantId) yield recorded;
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1].position;
  }
}

/** One stream's events in revision order, one page in memory at a time. */
export async function* streamEvents(
  store: EventStore,
  streamName: string,
): AsyncGenerator<RecordedEvent> {
  let fromRevision = 0n;
  for (;;) {
    const page = await store.readStream(streamName, { fromRevision, maxCount: PAGE });
    yield* page;
    if (page.length < PAGE) return;
    fromRevision = page[page.length - 1].revision + 1n;
  }
}
