import { DealDocument, PipelineDocument } from '@crm/projections';

/** A deal's weight: the probability its stage has now (a row of open deals has the same fields). */
export type ProbabilityOf = (
  deal: Pick<DealDocument, 'pipelineId' | 'stageId' | 'probability'>,
) => number;

/**
 * The probability of each deal's stage as its pipeline defines it now, so a changed stage
 * probability weighs every deal in that stage at once (the board, the forecast and the deal
 * detail agree). A stage the pipeline no longer has keeps the probability the deal entered with.
 */
export const currentStageProbability = (pipelines: readonly PipelineDocument[]): ProbabilityOf => {
  const byStage = new Map<string, number>();
  for (const pipeline of pipelines) {
    for (const stage of pipeline.stages) {
      byStage.set(`${pipeline.pipelineId}\u0000${stage.stageId}`, stage.probability);
    }
  }
  return (deal) => byStage.get(`${deal.pipelineId}\u0000${deal.stageId}`) ?? deal.probability;
};
