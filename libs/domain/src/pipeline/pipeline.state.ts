import { PipelineStage } from './pipeline.commands';

/** `stages` is ordered: the application layer passes it into deal commands as is. */
export type PipelineState =
  { exists: false } | { exists: true; pipelineId: string; name: string; stages: PipelineStage[] };

export const initialPipelineState = (): PipelineState => ({ exists: false });
