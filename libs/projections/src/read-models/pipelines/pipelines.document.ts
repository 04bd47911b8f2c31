import { IsoDateTime } from '@crm/domain';

/** A stage of the pipeline; `probability` (0 to 1) is the chance a deal in it is won. */
export type PipelineStageView = { stageId: string; name: string; probability: number };

/** A stage no longer in the pipeline, as it was when removed. */
export type RemovedPipelineStageView = PipelineStageView & { removedAt: IsoDateTime };

/** One sales pipeline with its stages in board order. */
export type PipelineDocument = {
  _id: string;
  tenantId: string;
  pipelineId: string;
  name: string;
  /** The current stages, in order. */
  stages: PipelineStageView[];
  /**
   * Stages removed from the pipeline. Only stages without open deals can be removed, but won or
   * lost deals (and every deal's `stageHistory`) may still name them: this keeps their names.
   * A stage added again under the same id leaves this list.
   */
  removedStages: RemovedPipelineStageView[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
};
