import {
  DomainEvent,
  PipelineDefined,
  PipelineStageAdded,
  PipelineStageProbabilitySet,
  PipelineStageRemoved,
  PipelineStageRenamed,
  PipelineStagesReordered,
} from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { PipelineDocument } from './pipelines.document';
import { pipelinesProjection } from './pipelines.projection';

const pipelineId = 'pipeline-1';
const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`;

const spec = ProjectionSpecification.for(pipelinesProjection);
/** Folds events the way the runner does; see ProjectionSpecification for what it checks. */
const project = (
  events: readonly ProjectedEvent[],
  start?: ReadonlyMap<string, PipelineDocument>,
) => spec.given(events, start).documents();
const projectOne = (events: ProjectedEvent[]) => project(events).get(`acme:${pipelineId}`);

const defined = (options: { tenantId?: string; name?: string } = {}) =>
  projectedEvent<PipelineDefined>(
    {
      type: 'PipelineDefined',
      data: {
        pipelineId,
        name: options.name ?? 'New business',
        stages: [
          { stageId: 'discovery', name: 'Discovery', probability: 0.1 },
          { stageId: 'proposal', name: 'Proposal', probability: 0.5 },
          { stageId: 'negotiation', name: 'Negotiation', probability: 0.8 },
        ],
      },
    },
    { tenantId: options.tenantId, recordedAt: at(1) },
  );
const added = (stageId: string, position: number, day: number) =>
  projectedEvent<PipelineStageAdded>(
    {
      type: 'PipelineStageAdded',
      data: {
        pipelineId,
        stage: { stageId, name: `Stage ${stageId}`, probability: 0.3 },
        position,
      },
    },
    { recordedAt: at(day) },
  );
const removed = (stageId: string, day: number) =>
  projectedEvent<PipelineStageRemoved>(
    { type: 'PipelineStageRemoved', data: { pipelineId, stageId } },
    { recordedAt: at(day) },
  );
const ids = (document: PipelineDocument | undefined) =>
  document?.stages.map((stage) => stage.stageId);

describe('pipelines projection', () => {
  it('declares its collection, index and the pipeline events it reads', () => {
    expect(pipelinesProjection.name).toBe('pipelines');
    expect(pipelinesProjection.indexes).toEqual([{ fields: ['tenantId'] }]);
    expect([...pipelinesProjection.handles].sort()).toEqual([
      'PipelineDefined',
      'PipelineStageAdded',
      'PipelineStageProbabilitySet',
      'PipelineStageRemoved',
      'PipelineStageRenamed',
      'PipelineStagesReordered',
    ]);
    expect(pipelinesProjection.handles.has('DealStageMoved')).toBe(false);
    expect(
      pipelinesProjection.documentIds(
        projectedEvent<DomainEvent>({ type: 'DealOpened', data: { dealId: 'd' } }),
      ),
    ).toEqual([]);
  });

  it('PipelineDefined creates the pipeline with its stages in order', () => {
    expect(projectOne([defined()])).toEqual({
      _id: 'acme:pipeline-1',
      tenantId: 'acme',
      pipelineId,
      name: 'New business',
      stages: [
        { stageId: 'discovery', name: 'Discovery', probability: 0.1 },
        { stageId: 'proposal', name: 'Proposal', probability: 0.5 },
        { stageId: 'negotiation', name: 'Negotiation', probability: 0.8 },
      ],
      removedStages: [],
      createdAt: at(1),
      updatedAt: at(1),
    });
  });

  it('PipelineStageAdded inserts the stage at its position', () => {
    const pipeline = projectOne([defined(), added('qualified', 1, 2), added('closing', 4, 3)]);
    expect(ids(pipeline)).toEqual(['discovery', 'qualified', 'proposal', 'negotiation', 'closing']);
    expect(pipeline?.stages[1]).toEqual({
      stageId: 'qualified',
      name: 'Stage qualified',
      probability: 0.3,
    });
    expect(pipeline?.updatedAt).toBe(at(3));
    expect(pipeline?.createdAt).toBe(at(1));
  });

  it('PipelineStageRenamed renames the stage', () => {
    const renamed = projectedEvent<PipelineStageRenamed>(
      {
        type: 'PipelineStageRenamed',
        data: { pipelineId, stageId: 'proposal', previousName: 'Proposal', name: 'Quote sent' },
      },
      { recordedAt: at(4) },
    );
    const pipeline = projectOne([defined(), renamed]);
    expect(pipeline?.stages[1]).toEqual({
      stageId: 'proposal',
      name: 'Quote sent',
      probability: 0.5,
    });
    expect(pipeline?.updatedAt).toBe(at(4));
  });

  it('PipelineStageProbabilitySet changes the stage probability', () => {
    const set = projectedEvent<PipelineStageProbabilitySet>(
      {
        type: 'PipelineStageProbabilitySet',
        data: { pipelineId, stageId: 'negotiation', previousProbability: 0.8, probability: 0.7 },
      },
      { recordedAt: at(5) },
    );
    const pipeline = projectOne([defined(), set]);
    expect(pipeline?.stages[2]).toEqual({
      stageId: 'negotiation',
      name: 'Negotiation',
      probability: 0.7,
    });
    expect(pipeline?.updatedAt).toBe(at(5));
  });

  it('PipelineStagesReordered puts the stages in the new order', () => {
    const reordered = projectedEvent<PipelineStagesReordered>(
      {
        type: 'PipelineStagesReordered',
        data: { pipelineId, stageIds: ['proposal', 'discovery', 'negotiation'] },
      },
      { recordedAt: at(6) },
    );
    const pipeline = projectOne([defined(), reordered]);
    expect(ids(pipeline)).toEqual(['proposal', 'discovery', 'negotiation']);
    expect(pipeline?.stages[0]).toEqual({
      stageId: 'proposal',
      name: 'Proposal',
      probability: 0.5,
    });
    expect(pipeline?.updatedAt).toBe(at(6));
  });

  it('PipelineStageRemoved drops the stage and remembers it under removedStages', () => {
    const pipeline = projectOne([defined(), removed('proposal', 7)]);
    expect(ids(pipeline)).toEqual(['discovery', 'negotiation']);
    expect(pipeline?.removedStages).toEqual([
      { stageId: 'proposal', name: 'Proposal', probability: 0.5, removedAt: at(7) },
    ]);
    expect(pipeline?.updatedAt).toBe(at(7));
  });

  it('a removed stage added again under its id leaves removedStages', () => {
    const pipeline = projectOne([defined(), removed('proposal', 7), added('proposal', 1, 8)]);
    expect(ids(pipeline)).toEqual(['discovery', 'proposal', 'negotiation']);
    expect(pipeline?.removedStages).toEqual([]);
  });

  it('never mutates the current document and ignores events for pipelines it never saw', () => {
    const before = projectOne([defined()]) as PipelineDocument;
    const frozen = structuredClone(before);
    pipelinesProjection.evolve(before, added('qualified', 0, 2), before._id);
    pipelinesProjection.evolve(before, removed('discovery', 2), before._id);
    expect(before).toEqual(frozen);
    expect(
      pipelinesProjection.evolve(undefined, removed('discovery', 2), 'acme:pipeline-1'),
    ).toBeUndefined();
  });

  it('keeps tenants apart, even for the same pipeline id', () => {
    const documents = project([
      defined({ tenantId: 'acme' }),
      defined({ tenantId: 'globex', name: 'Renewals' }),
      removed('proposal', 3),
    ]);
    expect(pipelinesProjection.documentIds(defined({ tenantId: 'globex' }))).toEqual([
      'globex:pipeline-1',
    ]);
    expect(ids(documents.get('acme:pipeline-1'))).toEqual(['discovery', 'negotiation']);
    expect(documents.get('globex:pipeline-1')).toMatchObject({
      tenantId: 'globex',
      name: 'Renewals',
      removedStages: [],
    });
    expect(ids(documents.get('globex:pipeline-1'))).toEqual([
      'discovery',
      'proposal',
      'negotiation',
    ]);
  });
});
