import { PipelineStage } from '@crm/domain';
import { ADMIN } from '../cast';
import { GeneratorContext } from '../demo-world';

export const DEMO_PIPELINE_STAGES: readonly PipelineStage[] = [
  { stageId: 'prospecting', name: 'Prospecting', probability: 0.1 },
  { stageId: 'qualification', name: 'Qualification', probability: 0.25 },
  { stageId: 'proposal', name: 'Proposal', probability: 0.5 },
  { stageId: 'negotiation', name: 'Negotiation', probability: 0.75 },
  { stageId: 'closing', name: 'Closing', probability: 0.9 },
];

/** The tenant's five-stage sales pipeline, defined before anything else happens. */
export const planPipeline = ({ rng, plan, world }: GeneratorContext): void => {
  world.pipelineId = rng.uuid();
  world.stages = DEMO_PIPELINE_STAGES.map((stage) => ({ ...stage }));
  plan.add(plan.startMs, ADMIN, 'pipeline', world.pipelineId, {
    type: 'DefinePipeline',
    data: { pipelineId: world.pipelineId, name: 'New business', stages: world.stages },
  });
};
