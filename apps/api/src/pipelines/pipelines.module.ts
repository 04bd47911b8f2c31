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
import { PipelineViewsController } from './pipeline-views.controller';

/** The pipelines: commands (derived from the catalogue), their DTOs and the pipeline and board queries. */
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
    PipelineViewsController,
  ],
})
export class PipelinesModule {}
