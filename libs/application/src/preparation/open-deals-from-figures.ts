import { EventStore } from '@crm/event-store';
import { dealFiguresProjection, RowDocument } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { ReadModelsBehindError } from '../read-side/read-models-behind.error';
import { ReadYourWrites } from '../read-side/read-your-writes';
import { OpenDealsInStageCounter } from './open-deals-in-stage';

/**
 * Counts open deals in a stage from the `open` rows of `deal-figures`, once every read model has
 * reached the log's head as it was when asked: a deal moved out of the stage just before is then
 * counted right. Where that cannot be had (the rows are not built yet, or the read side does not
 * catch up within the read wait bound) it counts from the log with `fallback`, as before.
 */
export const openDealsFromFigures =
  (
    documents: DocumentStore,
    readYourWrites: ReadYourWrites,
    events: EventStore,
    fallback: OpenDealsInStageCounter,
  ): OpenDealsInStageCounter =>
  async (tenantId, pipelineId, stageId) => {
    if ((await documents.activeGeneration(dealFiguresProjection.name)) === undefined)
      return fallback(tenantId, pipelineId, stageId);
    try {
      await readYourWrites.waitFor(await events.headPosition());
    } catch (error) {
      if (error instanceof ReadModelsBehindError) return fallback(tenantId, pipelineId, stageId);
      throw error;
    }
    // Read after the wait: a rebuild switched in meanwhile serves the rows counted.
    const physical = await documents.activeGeneration(dealFiguresProjection.name);
    if (physical === undefined) return fallback(tenantId, pipelineId, stageId);
    const rows = await documents
      .collection<RowDocument>(physical)
      .find({ tenantId, row: 'open', pipelineId, stageId });
    return rows.reduce((count, row) => count + Number(row.counters.deals ?? '0'), 0);
  };
