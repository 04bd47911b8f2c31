import { PipelineStage } from './pipeline.commands';
import { PipelineEvent } from './pipeline.events';
import { PipelineState } from './pipeline.state';

const updateStage = (
  stages: PipelineStage[],
  stageId: string,
  change: Partial<Omit<PipelineStage, 'stageId'>>,
): PipelineStage[] =>
  stages.map((stage) => (stage.stageId === stageId ? { ...stage, ...change } : stage));

export const evolvePipeline = (state: PipelineState, event: PipelineEvent): PipelineState => {
  switch (event.type) {
    case 'PipelineDefined':
      return {
        exists: true,
        pipelineId: event.data.pipelineId,
        name: event.data.name,
        stages: event.data.stages.map((stage) => ({ ...stage })),
      };
    case 'PipelineStageAdded': {
      if (!state.exists) return state;
      const stages = [...state.stages];
      stages.splice(event.data.position, 0, { ...event.data.stage });
      return { ...state, stages };
    }
    case 'PipelineStageRenamed':
      return state.exists
        ? {
            ...state,
            stages: updateStage(state.stages, event.data.stageId, { name: event.data.name }),
          }
        : state;
    case 'PipelineStageProbabilitySet':
      return state.exists
        ? {
            ...state,
            stages: updateStage(state.stages, event.data.stageId, {
              probability: event.data.probability,
            }),
          }
        : state;
    case 'PipelineStagesReordered': {
      if (!state.exists) return state;
      const byId = new Map(state.stages.map((stage) => [stage.stageId, stage]));
      const stages = event.data.stageIds.flatMap((stageId) => {
        const stage = byId.get(stageId);
        return stage ? [stage] : [];
      });
      return { ...state, stages };
    }
    case 'PipelineStageRemoved':
      return state.exists
        ? {
            ...state,
            stages: state.stages.filter((stage) => stage.stageId !== event.data.stageId),
          }
        : state;
  }
};
