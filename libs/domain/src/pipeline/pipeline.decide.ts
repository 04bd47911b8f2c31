import { isFull, limitDetails } from '../shared';
import { pipelineErrors } from './pipeline.errors';
import { PipelineCommand, PipelineStage } from './pipeline.commands';
import { PipelineEvent } from './pipeline.events';
import { PipelineState } from './pipeline.state';

type ExistingPipeline = Extract<PipelineState, { exists: true }>;

const assertExists = (state: PipelineState, pipelineId: string): ExistingPipeline => {
  if (!state.exists) throw pipelineErrors.notFound(pipelineId);
  return state;
};

const findStage = (pipeline: ExistingPipeline, stageId: string): PipelineStage => {
  const stage = pipeline.stages.find((candidate) => candidate.stageId === stageId);
  if (!stage) {
    throw pipelineErrors.rule(
      'PIPELINE_STAGE_NOT_FOUND',
      `pipeline ${pipeline.pipelineId} has no stage ${stageId}`,
      { pipelineId: pipeline.pipelineId, stageId },
    );
  }
  return stage;
};

/** Stage names are compared trimmed and case-insensitively: "Won" and "won " collide. */
const nameKey = (name: string): string => name.trim().toLowerCase();

const assertProbability = (pipelineId: string, stageId: string, probability: number): void => {
  if (!Number.isFinite(probability) || probability < 0 || probability > 1) {
    throw pipelineErrors.rule(
      'PIPELINE_INVALID_PROBABILITY',
      `stage ${stageId} probability must be between 0 and 1, not ${probability}`,
      { pipelineId, stageId, probability },
    );
  }
};

/** Refuses a name another stage (not `exceptStageId`) already uses. */
const assertNameFree = (
  pipelineId: string,
  stages: readonly PipelineStage[],
  name: string,
  exceptStageId?: string,
): void => {
  const clash = stages.find(
    (stage) => stage.stageId !== exceptStageId && nameKey(stage.name) === nameKey(name),
  );
  if (clash) {
    throw pipelineErrors.rule(
      'PIPELINE_DUPLICATE_STAGE_NAME',
      `stage name "${name}" is already used by stage ${clash.stageId}`,
      { pipelineId, name, stageId: clash.stageId },
    );
  }
};

const assertIdFree = (
  pipelineId: string,
  stages: readonly PipelineStage[],
  stageId: string,
): void => {
  if (stages.some((stage) => stage.stageId === stageId)) {
    throw pipelineErrors.rule('PIPELINE_DUPLICATE_STAGE_ID', `stage id ${stageId} is used twice`, {
      pipelineId,
      stageId,
    });
  }
};

/** Checks `stage` against the stages already accepted before it. */
const assertStageFits = (
  pipelineId: string,
  stages: readonly PipelineStage[],
  stage: PipelineStage,
): void => {
  if (isFull(stages.length, 'pipelineStages')) {
    throw pipelineErrors.rule(
      'PIPELINE_STAGES_TOO_MANY',
      `pipeline ${pipelineId} cannot have more than ${stages.length} stages`,
      { pipelineId, ...limitDetails('stages', 'pipelineStages', stages.length) },
    );
  }
  assertIdFree(pipelineId, stages, stage.stageId);
  assertNameFree(pipelineId, stages, stage.name);
  assertProbability(pipelineId, stage.stageId, stage.probability);
};

const copyStage = ({ stageId, name, probability }: PipelineStage): PipelineStage => ({
  stageId,
  name,
  probability,
});

export const decidePipeline = (command: PipelineCommand, state: PipelineState): PipelineEvent[] => {
  switch (command.type) {
    case 'DefinePipeline': {
      const { pipelineId, name, stages } = command.data;
      if (state.exists) throw pipelineErrors.alreadyExists(pipelineId);
      if (stages.length === 0) {
        throw pipelineErrors.rule(
          'PIPELINE_NO_STAGES',
          `pipeline ${pipelineId} needs at least one stage`,
          {
            pipelineId,
          },
        );
      }
      stages.forEach((stage, index) => assertStageFits(pipelineId, stages.slice(0, index), stage));
      return [
        { type: 'PipelineDefined', data: { pipelineId, name, stages: stages.map(copyStage) } },
      ];
    }
    case 'AddPipelineStage': {
      const { pipelineId, stage } = command.data;
      const pipeline = assertExists(state, pipelineId);
      assertStageFits(pipelineId, pipeline.stages, stage);
      const position = command.data.position ?? pipeline.stages.length;
      if (!Number.isInteger(position) || position < 0 || position > pipeline.stages.length) {
        throw pipelineErrors.rule(
          'PIPELINE_INVALID_POSITION',
          `position ${position} is outside 0..${pipeline.stages.length}`,
          { pipelineId, position, stageCount: pipeline.stages.length },
        );
      }
      return [
        { type: 'PipelineStageAdded', data: { pipelineId, stage: copyStage(stage), position } },
      ];
    }
    case 'RenamePipelineStage': {
      const { pipelineId, stageId, name } = command.data;
      const pipeline = assertExists(state, pipelineId);
      const stage = findStage(pipeline, stageId);
      if (stage.name === name) return [];
      assertNameFree(pipelineId, pipeline.stages, name, stageId);
      return [
        {
          type: 'PipelineStageRenamed',
          data: { pipelineId, stageId, previousName: stage.name, name },
        },
      ];
    }
    case 'SetPipelineStageProbability': {
      const { pipelineId, stageId, probability } = command.data;
      const pipeline = assertExists(state, pipelineId);
      const stage = findStage(pipeline, stageId);
      assertProbability(pipelineId, stageId, probability);
      if (stage.probability === probability) return [];
      return [
        {
          type: 'PipelineStageProbabilitySet',
          data: { pipelineId, stageId, previousProbability: stage.probability, probability },
        },
      ];
    }
    case 'ReorderPipelineStages': {
      const { pipelineId, stageIds } = command.data;
      const pipeline = assertExists(state, pipelineId);
      const currentIds = pipeline.stages.map((stage) => stage.stageId);
      const isPermutation =
        stageIds.length === currentIds.length &&
        new Set(stageIds).size === stageIds.length &&
        stageIds.every((stageId) => currentIds.includes(stageId));
      if (!isPermutation) {
        throw pipelineErrors.rule(
          'PIPELINE_REORDER_MISMATCH',
          `the new order must list each stage of pipeline ${pipelineId} exactly once`,
          { pipelineId, expected: currentIds, received: [...stageIds] },
        );
      }
      if (stageIds.every((stageId, index) => stageId === currentIds[index])) return [];
      return [{ type: 'PipelineStagesReordered', data: { pipelineId, stageIds: [...stageIds] } }];
    }
    case 'RemovePipelineStage': {
      const { pipelineId, stageId, openDealsInStage } = command.data;
      const pipeline = assertExists(state, pipelineId);
      findStage(pipeline, stageId);
      if (openDealsInStage > 0) {
        throw pipelineErrors.rule(
          'PIPELINE_STAGE_HAS_OPEN_DEALS',
          `stage ${stageId} still holds ${openDealsInStage} open deal(s)`,
          { pipelineId, stageId, openDealsInStage },
        );
      }
      if (pipeline.stages.length === 1) {
        throw pipelineErrors.rule(
          'PIPELINE_LAST_STAGE',
          `stage ${stageId} is the last stage of pipeline ${pipelineId}`,
          { pipelineId, stageId },
        );
      }
      return [{ type: 'PipelineStageRemoved', data: { pipelineId, stageId } }];
    }
  }
};
