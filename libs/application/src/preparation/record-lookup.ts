import { AggregateKind, deciderFor } from '@crm/domain';
import { EventStore } from '@crm/event-store';
import { ReferenceNotFoundError } from '../command-errors';
import { CommandExecutor } from '../command-executor';
import { streamNameFor } from '../stream-name';
import { RecordLookup } from './command-preparer';
import { OpenDealsInStageCounter } from './open-deals-in-stage';
import { readScoringModels } from '../scoring/scoring-model-stream';

export const createRecordLookup = (
  store: EventStore,
  executor: CommandExecutor,
  countOpenDeals: OpenDealsInStageCounter,
  tenantId: string,
): RecordLookup => {
  const exists = async (kind: AggregateKind, recordId: string): Promise<boolean> => {
    const first = await store.readStream(streamNameFor(kind, tenantId, recordId), { maxCount: 1 });
    return first.length > 0;
  };
  return {
    exists,
    async require(field, kind, recordId) {
      if (!(await exists(kind, recordId))) throw new ReferenceNotFoundError(field, kind, recordId);
    },
    async state<S>(kind: AggregateKind, recordId: string): Promise<S> {
      const record = await executor.load(deciderFor(kind), streamNameFor(kind, tenantId, recordId));
      return record.state as S;
    },
    openDealsInStage: (pipelineId, stageId) => countOpenDeals(tenantId, pipelineId, stageId),
    async scoringModel(version) {
      const models = await readScoringModels(store, tenantId);
      const model = models.find((published) => published.version === version);
      return (
        model && {
          version: model.version,
          fitRules: model.fitRules,
          engagementRules: model.engagementRules,
          threshold: model.threshold,
          ...(model.decay !== undefined && { decay: model.decay }),
        }
      );
    },
  };
};
