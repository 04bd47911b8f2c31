import { Module } from '@nestjs/common';
import { commandController } from '../http/command-controller';
import { ApiCommonModule } from '../http/api-common.module';
import {
  AddPipelineStageDto,
  DefinePipelineDto,
  RenamePipelineStageDto,
  ReorderPipelineStagesDto,
  SetPipelineStageProbabilityDto,
} from './pipeline.dtos';

/** The pipelines: commands (derived from the catalogue) and their DTOs. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('pipeline', {
      DefinePipeline: DefinePipelineDto,
      AddPipelineStage: AddPipelineStageDto,
      RenamePipelineStage: RenamePipelineStageDto,
      SetPipelineStageProbability: SetPipelineStageProbabilityDto,
      ReorderPipelineStages: ReorderPipelineStagesDto,
      RemovePipelineStage: null,
    }),
  ],
})
export class PipelinesModule {}
