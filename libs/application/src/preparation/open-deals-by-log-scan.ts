import { DealEvent, dealDecider, DealState } from '@crm/domain';
import { EventSerializer, EventStore } from '@crm/event-store';
import { parseStreamName } from '../stream-name';
import { OpenDealsInStageCounter } from './open-deals-in-stage';

const PAGE = 1000;

/**
 * Counts open deals in a stage by folding every deal stream of the tenant from the log.
 * Correct on any adapter but linear in the log's size; removing a stage is a rare admin action.
 * The pipeline read model answers the same question in constant time once it exists.
 */
export const openDealsByLogScan =
  (store: EventStore, serializer: EventSerializer): OpenDealsInStageCounter =>
  async (tenantId, pipelineId, stageId) => {
    const deals = new Map<string, DealState>();
    let after: bigint | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: PAGE });
      for (const recorded of page) {
        const stream = parseStreamName(recorded.streamName);
        if (stream?.kind !== 'deal' || stream.tenantId !== tenantId) continue;
        const event = serializer.deserialize<DealEvent>(recorded);
        const state = deals.get(recorded.streamName) ?? dealDecider.initialState();
        deals.set(recorded.streamName, dealDecider.evolve(state, event));
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    return [...deals.values()].filter(
      (deal) =>
        deal.exists &&
        deal.status === 'open' &&
        deal.pipelineId === pipelineId &&
        deal.stageId === stageId,
    ).length;
  };
