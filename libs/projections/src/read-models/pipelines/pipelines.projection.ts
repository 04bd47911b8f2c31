import { PipelineEvent, PipelineStage } from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { PipelineDocument, PipelineStageView } from './pipelines.document';

type PipelineEventType = PipelineEvent['type'];
type On<T extends PipelineEventType> = ProjectedEvent<Extract<PipelineEvent, { type: T }>>;

/** Keyed by every member of the union, so a new pipeline event type fails to compile until listed. */
const HANDLED: Record<PipelineEventType, true> = {
  PipelineDefined: true,
  PipelineStageAdded: true,
  PipelineStageRenamed: true,
  PipelineStageProbabilitySet: true,
  PipelineStagesReordered: true,
  PipelineStageRemoved: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isPipelineEvent = (event: ProjectedEvent): event is ProjectedEvent<PipelineEvent> =>
  handles.has(event.type);

const stageView = ({ stageId, name, probability }: PipelineStage): PipelineStageView => ({
  stageId,
  name,
  probability,
});

const defined = (event: On<'PipelineDefined'>, documentId: string): PipelineDocument => ({
  _id: documentId,
  tenantId: event.metadata.tenantId,
  pipelineId: event.data.pipelineId,
  name: event.data.name,
  stages: event.data.stages.map(stageView),
  removedStages: [],
  createdAt: event.metadata.recordedAt,
  updatedAt: event.metadata.recordedAt,
});

const stageAdded = (pipeline: PipelineDocument, event: On<'PipelineStageAdded'>) => {
  const { stage, position } = event.data;
  const stages = pipeline.stages.filter((existing) => existing.stageId !== stage.stageId);
  const at = Math.min(Math.max(0, position), stages.length);
  return {
    stages: [...stages.slice(0, at), stageView(stage), ...stages.slice(at)],
    removedStages: pipeline.removedStages.filter((removed) => removed.stageId !== stage.stageId),
  };
};

const updateStage = (
  stages: readonly PipelineStageView[],
  stageId: string,
  change: Partial<Omit<PipelineStageView, 'stageId'>>,
): PipelineStageView[] =>
  stages.map((stage) => (stage.stageId === stageId ? { ...stage, ...change } : stage));

/** The stages in the event's order; any stage the event leaves out keeps its place at the end. */
const reordered = (
  stages: readonly PipelineStageView[],
  stageIds: readonly string[],
): PipelineStageView[] => {
  const byId = new Map(stages.map((stage) => [stage.stageId, stage]));
  const ordered = stageIds.flatMap((stageId) => {
    const stage = byId.get(stageId);
    return stage ? [stage] : [];
  });
  return [...ordered, ...stages.filter((stage) => !stageIds.includes(stage.stageId))];
};

const stageRemoved = (pipeline: PipelineDocument, event: On<'PipelineStageRemoved'>) => {
  const removed = pipeline.stages.find((stage) => stage.stageId === event.data.stageId);
  if (!removed) return {};
  return {
    stages: pipeline.stages.filter((stage) => stage !== removed),
    removedStages: [
      ...pipeline.removedStages.filter((stage) => stage.stageId !== removed.stageId),
      { ...removed, removedAt: event.metadata.recordedAt },
    ],
  };
};

const evolvePipeline = (
  current: PipelineDocument | undefined,
  event: ProjectedEvent<PipelineEvent>,
  documentId: string,
): PipelineDocument | undefined => {
  if (event.type === 'PipelineDefined') return defined(event, documentId);
  if (current === undefined) return current;
  const updatedAt = event.metadata.recordedAt;
  switch (event.type) {
    case 'PipelineStageAdded':
      return { ...current, ...stageAdded(current, event), updatedAt };
    case 'PipelineStageRenamed':
      return {
        ...current,
        stages: updateStage(current.stages, event.data.stageId, { name: event.data.name }),
        updatedAt,
      };
    case 'PipelineStageProbabilitySet':
      return {
        ...current,
        stages: updateStage(current.stages, event.data.stageId, {
          probability: event.data.probability,
        }),
        updatedAt,
      };
    case 'PipelineStagesReordered':
      return { ...current, stages: reordered(current.stages, event.data.stageIds), updatedAt };
    case 'PipelineStageRemoved':
      return { ...current, ...stageRemoved(current, event), updatedAt };
  }
};

/** `pipelines`: one document per pipeline. Queries filter by `_id` or by `tenantId` alone. */
export const pipelinesProjection: Projection<PipelineDocument> = {
  name: 'pipelines',
  version: 2,
  history: true,
  indexes: [{ fields: ['tenantId'] }],
  handles,
  documentIds: (event) =>
    isPipelineEvent(event) ? [documentIdFor(event.metadata.tenantId, event.data.pipelineId)] : [],
  evolve: (current, event, documentId) =>
    isPipelineEvent(event) ? evolvePipeline(current, event, documentId) : current,
};
