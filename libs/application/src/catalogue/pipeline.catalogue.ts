import { RemovePipelineStage } from '@crm/domain';
import { countOpenDealsInStage } from '../preparation/open-deals-in-stage';
import { KindCatalogue } from './command-entry';
import { IntentsOf } from './command-types';

/** The client names the stage; the preparer counts the open deals in it. */
export type RemovePipelineStageIntent = Omit<RemovePipelineStage['data'], 'openDealsInStage'>;

export type PipelineIntents = IntentsOf<
  'pipeline',
  { RemovePipelineStage: RemovePipelineStageIntent }
>;

export const pipelineCatalogue = {
  DefinePipeline: {
    creates: true,
    permission: 'pipeline:define',
    route: {
      method: 'POST',
      path: '/pipelines',
      summary: 'Define a sales pipeline with its stages',
      handler: 'define',
    },
  },
  AddPipelineStage: {
    permission: 'pipeline:add-stage',
    route: {
      method: 'POST',
      path: '/pipelines/:id/stages',
      summary: 'Add a stage to a pipeline',
      handler: 'addStage',
    },
  },
  RenamePipelineStage: {
    permission: 'pipeline:rename-stage',
    route: {
      method: 'POST',
      path: '/pipelines/:id/stages/:stageId/rename',
      summary: 'Rename a pipeline stage',
      handler: 'renameStage',
    },
  },
  SetPipelineStageProbability: {
    permission: 'pipeline:set-stage-probability',
    route: {
      method: 'POST',
      path: '/pipelines/:id/stages/:stageId/probability',
      summary: "Set a pipeline stage's win probability",
      handler: 'setStageProbability',
    },
  },
  ReorderPipelineStages: {
    permission: 'pipeline:reorder-stages',
    route: {
      method: 'PUT',
      path: '/pipelines/:id/stage-order',
      summary: "Reorder a pipeline's stages",
      handler: 'reorderStages',
    },
  },
  RemovePipelineStage: {
    permission: 'pipeline:remove-stage',
    prepare: countOpenDealsInStage,
    route: {
      method: 'DELETE',
      path: '/pipelines/:id/stages/:stageId',
      summary: 'Remove a pipeline stage that holds no open deal',
      handler: 'removeStage',
    },
  },
} satisfies KindCatalogue<'pipeline', PipelineIntents>;
