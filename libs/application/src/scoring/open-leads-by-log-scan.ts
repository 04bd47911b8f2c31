import { LeadEvent, leadDecider, LeadState } from '@crm/domain';
import { EventSerializer, EventStore } from '@crm/event-store';
import { parseStreamName } from '../stream-name';

const PAGE = 1000;

/**
 * The tenant's leads that were open (new or qualified) at a point of the log, by folding every
 * lead stream of the tenant up to it. Linear in the log, like the open-deals scan: a model is
 * published rarely, and it is the history, not a read model, that says which leads there were.
 */
export const openLeadsAt = async (
  store: EventStore,
  serializer: EventSerializer,
  tenantId: string,
  position: bigint,
): Promise<string[]> => {
  const leads = new Map<string, LeadState>();
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    for (const recorded of page) {
      if (recorded.position >= position) break;
      const stream = parseStreamName(recorded.streamName);
      if (stream?.kind !== 'lead' || stream.tenantId !== tenantId) continue;
      const event = serializer.deserialize<LeadEvent>(recorded);
      const state = leads.get(stream.recordId) ?? leadDecider.initialState();
      leads.set(stream.recordId, leadDecider.evolve(state, event));
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || last === undefined || last.position >= position) break;
    after = last.position;
  }
  return [...leads.entries()]
    .filter(([, lead]) => lead.exists && (lead.status === 'new' || lead.status === 'qualified'))
    .map(([leadId]) => leadId);
};
