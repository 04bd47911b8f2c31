import { BrokenLink, EventStore, StreamChainVerifier } from '@crm/event-store';
import { isProcessStream } from '../processes/process-checkpoints';
import { parseStreamName } from '../stream-name';

export type LogVerification = {
  streams: number;
  events: number;
  /** Events written before the hash chain existed: no stored link to check. */
  unchained: number;
  /** The first broken link in log order, if any. */
  broken?: BrokenLink;
};

const PAGE = 1000;

/**
 * Walks the whole log once, page by page, checking every stream's hash chain (a tenant's
 * record streams only, with `tenantId`). Process managers' checkpoint streams are bookkeeping,
 * not audit, and are left out.
 */
export const verifyLog = async (
  store: EventStore,
  options: { tenantId?: string } = {},
): Promise<LogVerification> => {
  const verifiers = new Map<string, StreamChainVerifier>();
  let broken: BrokenLink | undefined;
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    for (const event of page) {
      if (isProcessStream(event.streamName)) continue;
      if (
        options.tenantId !== undefined &&
        parseStreamName(event.streamName)?.tenantId !== options.tenantId
      ) {
        continue;
      }
      let verifier = verifiers.get(event.streamName);
      if (!verifier) {
        verifier = new StreamChainVerifier(event.streamName);
        verifiers.set(event.streamName, verifier);
      }
      verifier.add(event);
      broken ??= verifier.broken;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].position;
  }
  let events = 0;
  let unchained = 0;
  for (const verifier of verifiers.values()) {
    events += verifier.checked;
    unchained += verifier.unchained;
  }
  return { streams: verifiers.size, events, unchained, ...(broken && { broken }) };
};
