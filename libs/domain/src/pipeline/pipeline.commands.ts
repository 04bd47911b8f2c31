import { Command } from '../shared';

/** A step of a sales pipeline; `probability` (0 to 1) is the chance a deal in it is won. */
export type PipelineStage = { stageId: string; name: string; probability: number };

export type DefinePipeline = Command<
  'DefinePipeline',
  { pipelineId: string; name: string; stages: PipelineStage[] }
>;
/** `position` is the 0-based index the stage takes; it defaults to the end. */
export type AddPipelineStage = Command<
  'AddPipelineStage',
  { pipelineId: string; stage: PipelineStage; position?: number }
>;
export type RenamePipelineStage = Command<
  'RenamePipelineStage',
  { pipelineId: string; stageId: string; name: string }
>;
export type SetPipelineStageProbability = Command<
  'SetPipelineStageProbability',
  { pipelineId: string; stageId: string; probability: number }
>;
/** `stageIds` lists every current stage once, in the new order. */
export type ReorderPipelineStages = Command<
  'ReorderPipelineStages',
  { pipelineId: string; stageIds: string[] }
>;
/** `openDealsInStage` is counted by the application layer. */
export type RemovePipelineStage = Command<
  'RemovePipelineStage',
  { pipelineId: string; stageId: string; openDealsInStage: number }
>;

export type PipelineCommand =
  | DefinePipeline
  | AddPipelineStage
  | RenamePipelineStage
  | SetPipelineStageProbability
  | ReorderPipelineStages
  | RemovePipelineStage;
