import { DomainEvent } from '../shared';
import { PipelineStage } from './pipeline.commands';

export type PipelineDefined = DomainEvent<
  'PipelineDefined',
  { pipelineId: string; name: string; stages: PipelineStage[] }
>;
/** `position` is the 0-based index the stage took. */
export type PipelineStageAdded = DomainEvent<
  'PipelineStageAdded',
  { pipelineId: string; stage: PipelineStage; position: number }
>;
export type PipelineStageRenamed = DomainEvent<
  'PipelineStageRenamed',
  { pipelineId: string; stageId: string; previousName: string; name: string }
>;
export type PipelineStageProbabilitySet = DomainEvent<
  'PipelineStageProbabilitySet',
  { pipelineId: string; stageId: string; previousProbability: number; probability: number }
>;
export type PipelineStagesReordered = DomainEvent<
  'PipelineStagesReordered',
  { pipelineId: string; stageIds: string[] }
>;
export type PipelineStageRemoved = DomainEvent<
  'PipelineStageRemoved',
  { pipelineId: string; stageId: string }
>;

export type PipelineEvent =
  | PipelineDefined
  | PipelineStageAdded
  | PipelineStageRenamed
  | PipelineStageProbabilitySet
  | PipelineStagesReordered
  | PipelineStageRemoved;
