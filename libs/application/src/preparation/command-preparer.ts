import { AggregateKind, ScoringModel } from '@crm/domain';

/** Reads other records of the same tenant, for the checks and facts a decider cannot load itself. */
export type RecordLookup = {
  exists(kind: AggregateKind, recordId: string): Promise<boolean>;
  /** Throws ReferenceNotFoundError naming `field` when the record does not exist. */
  require(field: string, kind: AggregateKind, recordId: string): Promise<void>;
  state<S>(kind: AggregateKind, recordId: string): Promise<S>;
  /** Open deals in one stage of one pipeline of the tenant. */
  openDealsInStage(pipelineId: string, stageId: string): Promise<number>;
  /** A version of the tenant's lead-scoring model, if it was published. */
  scoringModel(version: number): Promise<ScoringModel | undefined>;
};
