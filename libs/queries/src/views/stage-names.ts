import { PipelineDocument } from '@crm/projections';

export type StageName = { name: string; removed: boolean };

/** A pipeline's stages by id with their current names, also those removed since; the id when unknown. */
export const stageNames = (pipeline: PipelineDocument | undefined) => {
  const names = new Map<string, StageName>();
  for (const stage of pipeline?.removedStages ?? []) {
    names.set(stage.stageId, { name: stage.name, removed: true });
  }
  for (const stage of pipeline?.stages ?? []) {
    names.set(stage.stageId, { name: stage.name, removed: false });
  }
  return (stageId: string): StageName => names.get(stageId) ?? { name: stageId, removed: false };
};
