import { Decider } from '../shared';
import { PipelineCommand } from './pipeline.commands';
import { decidePipeline } from './pipeline.decide';
import { PipelineEvent } from './pipeline.events';
import { evolvePipeline } from './pipeline.evolve';
import { initialPipelineState, PipelineState } from './pipeline.state';

export const pipelineDecider: Decider<PipelineCommand, PipelineEvent, PipelineState> = {
  initialState: initialPipelineState,
  evolve: evolvePipeline,
  decide: decidePipeline,
};
