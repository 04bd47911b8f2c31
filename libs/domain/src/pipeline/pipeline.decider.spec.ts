import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { DomainError, foldEvents } from '../shared';
import { PipelineStage } from './pipeline.commands';
import { pipelineDecider } from './pipeline.decider';
import { PipelineEvent } from './pipeline.events';

const pipelineId = 'pipeline-1';
const discovery: PipelineStage = {
  stageId: 'stage-discovery',
  name: 'Discovery',
  probability: 0.1,
};
const proposal: PipelineStage = { stageId: 'stage-proposal', name: 'Proposal', probability: 0.5 };
const negotiation: PipelineStage = {
  stageId: 'stage-negotiation',
  name: 'Negotiation',
  probability: 0.8,
};
const defined: PipelineEvent = {
  type: 'PipelineDefined',
  data: { pipelineId, name: 'New business', stages: [discovery, proposal, negotiation] },
};
const singleStage: PipelineEvent = {
  type: 'PipelineDefined',
  data: { pipelineId, name: 'Renewals', stages: [discovery] },
};
const spec = DeciderSpecification.for(pipelineDecider);

describe('Pipeline decider', () => {
  describe('DefinePipeline', () => {
    it('defines a pipeline with its ordered stages', () =>
      spec
        .given([])
        .when({ type: 'DefinePipeline', data: { ...defined.data } })
        .then([defined]));

    it('accepts probabilities at both bounds', () =>
      spec
        .given([])
        .when({
          type: 'DefinePipeline',
          data: {
            pipelineId,
            name: 'Bounds',
            stages: [
              { stageId: 'a', name: 'Cold', probability: 0 },
              { stageId: 'b', name: 'Signed', probability: 1 },
            ],
          },
        })
        .then([
          {
            type: 'PipelineDefined',
            data: {
              pipelineId,
              name: 'Bounds',
              stages: [
                { stageId: 'a', name: 'Cold', probability: 0 },
                { stageId: 'b', name: 'Signed', probability: 1 },
              ],
            },
          },
        ]));

    it('refuses a pipeline without stages', () =>
      spec
        .given([])
        .when({ type: 'DefinePipeline', data: { pipelineId, name: 'Empty', stages: [] } })
        .thenThrows('PIPELINE_NO_STAGES', 'rule'));

    it('refuses two stages with the same id', () =>
      spec
        .given([])
        .when({
          type: 'DefinePipeline',
          data: {
            pipelineId,
            name: 'New business',
            stages: [discovery, { ...proposal, stageId: discovery.stageId }],
          },
        })
        .thenThrows('PIPELINE_DUPLICATE_STAGE_ID'));

    it('refuses two stages with the same name, whatever the case', () =>
      spec
        .given([])
        .when({
          type: 'DefinePipeline',
          data: {
            pipelineId,
            name: 'New business',
            stages: [discovery, { ...proposal, name: 'discovery ' }],
          },
        })
        .thenThrows('PIPELINE_DUPLICATE_STAGE_NAME'));

    it('refuses a probability above 1', () =>
      spec
        .given([])
        .when({
          type: 'DefinePipeline',
          data: { pipelineId, name: 'New business', stages: [{ ...discovery, probability: 1.2 }] },
        })
        .thenThrows('PIPELINE_INVALID_PROBABILITY'));

    it('refuses a probability below 0', () =>
      spec
        .given([])
        .when({
          type: 'DefinePipeline',
          data: { pipelineId, name: 'New business', stages: [{ ...discovery, probability: -0.1 }] },
        })
        .thenThrows('PIPELINE_INVALID_PROBABILITY'));

    it('refuses a probability that is not a number', () =>
      spec
        .given([])
        .when({
          type: 'DefinePipeline',
          data: { pipelineId, name: 'New business', stages: [{ ...discovery, probability: NaN }] },
        })
        .thenThrows('PIPELINE_INVALID_PROBABILITY'));

    it('refuses a pipeline id that already exists', () =>
      spec
        .given([defined])
        .when({ type: 'DefinePipeline', data: { ...defined.data } })
        .thenThrows('PIPELINE_ALREADY_EXISTS', 'already_exists'));
  });

  describe('AddPipelineStage', () => {
    const qualification: PipelineStage = {
      stageId: 'stage-qualification',
      name: 'Qualification',
      probability: 0.25,
    };

    it('refuses a stage past the limit, at definition and when added', () => {
      const stages = (count: number): PipelineStage[] =>
        Array.from({ length: count }, (_, i) => ({
          stageId: `s${i}`,
          name: `Stage ${i}`,
          probability: 0.5,
        }));
      spec
        .given([])
        .when({ type: 'DefinePipeline', data: { pipelineId, name: 'Long', stages: stages(51) } })
        .thenThrows('PIPELINE_STAGES_TOO_MANY');
      spec
        .given([
          { type: 'PipelineDefined', data: { pipelineId, name: 'Full', stages: stages(50) } },
        ])
        .when({ type: 'AddPipelineStage', data: { pipelineId, stage: qualification } })
        .thenThrows('PIPELINE_STAGES_TOO_MANY');
    });

    it('adds a stage at the end by default', () =>
      spec
        .given([defined])
        .when({ type: 'AddPipelineStage', data: { pipelineId, stage: qualification } })
        .then([
          { type: 'PipelineStageAdded', data: { pipelineId, stage: qualification, position: 3 } },
        ]));

    it('adds a stage at the given position', () =>
      spec
        .given([defined])
        .when({ type: 'AddPipelineStage', data: { pipelineId, stage: qualification, position: 1 } })
        .then([
          { type: 'PipelineStageAdded', data: { pipelineId, stage: qualification, position: 1 } },
        ]));

    it('inserts the stage where it was added', () =>
      spec
        .given([
          defined,
          { type: 'PipelineStageAdded', data: { pipelineId, stage: qualification, position: 1 } },
        ])
        .when({
          type: 'ReorderPipelineStages',
          data: {
            pipelineId,
            stageIds: [
              discovery.stageId,
              qualification.stageId,
              proposal.stageId,
              negotiation.stageId,
            ],
          },
        })
        .thenNothingHappens());

    it('refuses a stage id already in the pipeline', () =>
      spec
        .given([defined])
        .when({
          type: 'AddPipelineStage',
          data: { pipelineId, stage: { ...qualification, stageId: proposal.stageId } },
        })
        .thenThrows('PIPELINE_DUPLICATE_STAGE_ID'));

    it('refuses a stage name already in the pipeline', () =>
      spec
        .given([defined])
        .when({
          type: 'AddPipelineStage',
          data: { pipelineId, stage: { ...qualification, name: 'PROPOSAL' } },
        })
        .thenThrows('PIPELINE_DUPLICATE_STAGE_NAME'));

    it('refuses a probability outside [0, 1]', () =>
      spec
        .given([defined])
        .when({
          type: 'AddPipelineStage',
          data: { pipelineId, stage: { ...qualification, probability: 2 } },
        })
        .thenThrows('PIPELINE_INVALID_PROBABILITY'));

    it('refuses a position past the end', () =>
      spec
        .given([defined])
        .when({ type: 'AddPipelineStage', data: { pipelineId, stage: qualification, position: 4 } })
        .thenThrows('PIPELINE_INVALID_POSITION'));

    it('refuses a negative position', () =>
      spec
        .given([defined])
        .when({
          type: 'AddPipelineStage',
          data: { pipelineId, stage: qualification, position: -1 },
        })
        .thenThrows('PIPELINE_INVALID_POSITION'));

    it('refuses a position that is not an integer', () =>
      spec
        .given([defined])
        .when({
          type: 'AddPipelineStage',
          data: { pipelineId, stage: qualification, position: 1.5 },
        })
        .thenThrows('PIPELINE_INVALID_POSITION'));

    it('refuses an unknown pipeline', () =>
      spec
        .given([])
        .when({ type: 'AddPipelineStage', data: { pipelineId, stage: qualification } })
        .thenThrows('PIPELINE_NOT_FOUND', 'not_found'));
  });

  describe('RenamePipelineStage', () => {
    it('renames a stage and remembers its previous name', () =>
      spec
        .given([defined])
        .when({
          type: 'RenamePipelineStage',
          data: { pipelineId, stageId: proposal.stageId, name: 'Quote sent' },
        })
        .then([
          {
            type: 'PipelineStageRenamed',
            data: {
              pipelineId,
              stageId: proposal.stageId,
              previousName: 'Proposal',
              name: 'Quote sent',
            },
          },
        ]));

    it('lets a stage change only the case of its own name', () =>
      spec
        .given([defined])
        .when({
          type: 'RenamePipelineStage',
          data: { pipelineId, stageId: proposal.stageId, name: 'PROPOSAL' },
        })
        .then([
          {
            type: 'PipelineStageRenamed',
            data: {
              pipelineId,
              stageId: proposal.stageId,
              previousName: 'Proposal',
              name: 'PROPOSAL',
            },
          },
        ]));

    it('records nothing when the name does not change', () =>
      spec
        .given([defined])
        .when({
          type: 'RenamePipelineStage',
          data: { pipelineId, stageId: proposal.stageId, name: 'Proposal' },
        })
        .thenNothingHappens());

    it('sees the latest name of each stage', () =>
      spec
        .given([
          defined,
          {
            type: 'PipelineStageRenamed',
            data: {
              pipelineId,
              stageId: proposal.stageId,
              previousName: 'Proposal',
              name: 'Quote sent',
            },
          },
        ])
        .when({
          type: 'RenamePipelineStage',
          data: { pipelineId, stageId: discovery.stageId, name: 'Proposal' },
        })
        .then([
          {
            type: 'PipelineStageRenamed',
            data: {
              pipelineId,
              stageId: discovery.stageId,
              previousName: 'Discovery',
              name: 'Proposal',
            },
          },
        ]));

    it('refuses a name another stage uses', () =>
      spec
        .given([defined])
        .when({
          type: 'RenamePipelineStage',
          data: { pipelineId, stageId: proposal.stageId, name: 'Negotiation' },
        })
        .thenThrows('PIPELINE_DUPLICATE_STAGE_NAME'));

    it('refuses an unknown stage', () =>
      spec
        .given([defined])
        .when({
          type: 'RenamePipelineStage',
          data: { pipelineId, stageId: 'stage-unknown', name: 'Demo' },
        })
        .thenThrows('PIPELINE_STAGE_NOT_FOUND', 'rule'));

    it('refuses an unknown pipeline', () =>
      spec
        .given([])
        .when({
          type: 'RenamePipelineStage',
          data: { pipelineId, stageId: proposal.stageId, name: 'Demo' },
        })
        .thenThrows('PIPELINE_NOT_FOUND', 'not_found'));
  });

  describe('SetPipelineStageProbability', () => {
    it('sets a stage probability and remembers the previous one', () =>
      spec
        .given([defined])
        .when({
          type: 'SetPipelineStageProbability',
          data: { pipelineId, stageId: proposal.stageId, probability: 0.6 },
        })
        .then([
          {
            type: 'PipelineStageProbabilitySet',
            data: {
              pipelineId,
              stageId: proposal.stageId,
              previousProbability: 0.5,
              probability: 0.6,
            },
          },
        ]));

    it('records nothing when the probability does not change', () =>
      spec
        .given([defined])
        .when({
          type: 'SetPipelineStageProbability',
          data: { pipelineId, stageId: proposal.stageId, probability: 0.5 },
        })
        .thenNothingHappens());

    it('sees the latest probability', () =>
      spec
        .given([
          defined,
          {
            type: 'PipelineStageProbabilitySet',
            data: {
              pipelineId,
              stageId: proposal.stageId,
              previousProbability: 0.5,
              probability: 0.6,
            },
          },
        ])
        .when({
          type: 'SetPipelineStageProbability',
          data: { pipelineId, stageId: proposal.stageId, probability: 0.6 },
        })
        .thenNothingHappens());

    it('refuses a probability outside [0, 1]', () =>
      spec
        .given([defined])
        .when({
          type: 'SetPipelineStageProbability',
          data: { pipelineId, stageId: proposal.stageId, probability: -0.5 },
        })
        .thenThrows('PIPELINE_INVALID_PROBABILITY'));

    it('refuses an unknown stage', () =>
      spec
        .given([defined])
        .when({
          type: 'SetPipelineStageProbability',
          data: { pipelineId, stageId: 'stage-unknown', probability: 0.3 },
        })
        .thenThrows('PIPELINE_STAGE_NOT_FOUND'));

    it('refuses an unknown pipeline', () =>
      spec
        .given([])
        .when({
          type: 'SetPipelineStageProbability',
          data: { pipelineId, stageId: proposal.stageId, probability: 0.3 },
        })
        .thenThrows('PIPELINE_NOT_FOUND', 'not_found'));
  });

  describe('ReorderPipelineStages', () => {
    const newOrder = [proposal.stageId, discovery.stageId, negotiation.stageId];

    it('reorders the stages', () =>
      spec
        .given([defined])
        .when({ type: 'ReorderPipelineStages', data: { pipelineId, stageIds: newOrder } })
        .then([{ type: 'PipelineStagesReordered', data: { pipelineId, stageIds: newOrder } }]));

    it('records nothing when the order does not change', () =>
      spec
        .given([defined])
        .when({
          type: 'ReorderPipelineStages',
          data: {
            pipelineId,
            stageIds: [discovery.stageId, proposal.stageId, negotiation.stageId],
          },
        })
        .thenNothingHappens());

    it('sees the latest order', () =>
      spec
        .given([
          defined,
          { type: 'PipelineStagesReordered', data: { pipelineId, stageIds: newOrder } },
        ])
        .when({ type: 'ReorderPipelineStages', data: { pipelineId, stageIds: newOrder } })
        .thenNothingHappens());

    it('refuses a list missing a stage', () =>
      spec
        .given([defined])
        .when({
          type: 'ReorderPipelineStages',
          data: { pipelineId, stageIds: [proposal.stageId, discovery.stageId] },
        })
        .thenThrows('PIPELINE_REORDER_MISMATCH'));

    it('refuses a list naming an unknown stage', () =>
      spec
        .given([defined])
        .when({
          type: 'ReorderPipelineStages',
          data: { pipelineId, stageIds: [proposal.stageId, discovery.stageId, 'stage-unknown'] },
        })
        .thenThrows('PIPELINE_REORDER_MISMATCH'));

    it('refuses a list naming a stage twice', () =>
      spec
        .given([defined])
        .when({
          type: 'ReorderPipelineStages',
          data: { pipelineId, stageIds: [proposal.stageId, discovery.stageId, proposal.stageId] },
        })
        .thenThrows('PIPELINE_REORDER_MISMATCH'));

    it('refuses an unknown pipeline', () =>
      spec
        .given([])
        .when({ type: 'ReorderPipelineStages', data: { pipelineId, stageIds: newOrder } })
        .thenThrows('PIPELINE_NOT_FOUND', 'not_found'));
  });

  describe('RemovePipelineStage', () => {
    it('removes a stage without open deals', () =>
      spec
        .given([defined])
        .when({
          type: 'RemovePipelineStage',
          data: { pipelineId, stageId: proposal.stageId, openDealsInStage: 0 },
        })
        .then([{ type: 'PipelineStageRemoved', data: { pipelineId, stageId: proposal.stageId } }]));

    it('keeps the other stages in order once a stage is removed', () =>
      spec
        .given([
          defined,
          { type: 'PipelineStageRemoved', data: { pipelineId, stageId: proposal.stageId } },
        ])
        .when({
          type: 'ReorderPipelineStages',
          data: { pipelineId, stageIds: [discovery.stageId, negotiation.stageId] },
        })
        .thenNothingHappens());

    it('refuses a stage that still holds open deals', () =>
      spec
        .given([defined])
        .when({
          type: 'RemovePipelineStage',
          data: { pipelineId, stageId: proposal.stageId, openDealsInStage: 2 },
        })
        .thenThrows('PIPELINE_STAGE_HAS_OPEN_DEALS'));

    it('tells how many open deals block the removal', () => {
      let thrown: unknown;
      try {
        pipelineDecider.decide(
          {
            type: 'RemovePipelineStage',
            data: { pipelineId, stageId: proposal.stageId, openDealsInStage: 2 },
            metadata: { now: SPEC_NOW },
          },
          foldEvents(pipelineDecider, [defined]),
        );
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).details).toEqual({
        pipelineId,
        stageId: proposal.stageId,
        openDealsInStage: 2,
      });
    });

    it('refuses the last stage', () =>
      spec
        .given([singleStage])
        .when({
          type: 'RemovePipelineStage',
          data: { pipelineId, stageId: discovery.stageId, openDealsInStage: 0 },
        })
        .thenThrows('PIPELINE_LAST_STAGE'));

    it('refuses an unknown stage', () =>
      spec
        .given([defined])
        .when({
          type: 'RemovePipelineStage',
          data: { pipelineId, stageId: 'stage-unknown', openDealsInStage: 0 },
        })
        .thenThrows('PIPELINE_STAGE_NOT_FOUND'));

    it('refuses an unknown pipeline', () =>
      spec
        .given([])
        .when({
          type: 'RemovePipelineStage',
          data: { pipelineId, stageId: proposal.stageId, openDealsInStage: 0 },
        })
        .thenThrows('PIPELINE_NOT_FOUND', 'not_found'));
  });

  describe('state', () => {
    it('exposes the stages in order after every change', () => {
      const qualification: PipelineStage = {
        stageId: 'stage-qualification',
        name: 'Qualification',
        probability: 0.25,
      };
      const history: PipelineEvent[] = [
        defined,
        { type: 'PipelineStageAdded', data: { pipelineId, stage: qualification, position: 1 } },
        {
          type: 'PipelineStageRenamed',
          data: {
            pipelineId,
            stageId: proposal.stageId,
            previousName: 'Proposal',
            name: 'Quote',
          },
        },
        {
          type: 'PipelineStageProbabilitySet',
          data: {
            pipelineId,
            stageId: negotiation.stageId,
            previousProbability: 0.8,
            probability: 0.9,
          },
        },
        {
          type: 'PipelineStagesReordered',
          data: {
            pipelineId,
            stageIds: [
              qualification.stageId,
              discovery.stageId,
              proposal.stageId,
              negotiation.stageId,
            ],
          },
        },
        { type: 'PipelineStageRemoved', data: { pipelineId, stageId: discovery.stageId } },
      ];
      expect(foldEvents(pipelineDecider, history)).toEqual({
        exists: true,
        pipelineId,
        name: 'New business',
        stages: [
          qualification,
          { ...proposal, name: 'Quote' },
          { ...negotiation, probability: 0.9 },
        ],
      });
    });

    it('starts absent', () => {
      expect(pipelineDecider.initialState()).toEqual({ exists: false });
    });
  });
});
