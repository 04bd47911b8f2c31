import { CommandContext } from '@crm/application';
import {
  AddPipelineStage,
  DefinePipeline,
  RemovePipelineStage,
  RenamePipelineStage,
  ReorderPipelineStages,
  SetPipelineStageProbability,
} from '@crm/domain';
import { Body, Controller, Delete, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContextFromRequest } from '../http/command-context.decorator';
import { CommandEndpoint } from '../http/command-endpoint.decorator';
import { CommandSender } from '../http/command-sender';
import { newRecordId, RecordIdPipe } from '../http/record-id';
import {
  AddPipelineStageDto,
  DefinePipelineDto,
  RenamePipelineStageDto,
  ReorderPipelineStagesDto,
  SetPipelineStageProbabilityDto,
} from './pipeline.dtos';

/** RemovePipelineStage as the client sends it: the preparer counts the stage's open deals. */
type RemovePipelineStageRequest = Omit<RemovePipelineStage['data'], 'openDealsInStage'>;

@ApiTags('pipelines')
@Controller('pipelines')
export class PipelinesController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandEndpoint('Define a sales pipeline with its stages', { creates: true })
  define(
    @Body() { id, ...body }: DefinePipelineDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const pipelineId = newRecordId(context, id);
    return this.commands.send<DefinePipeline>(
      'pipeline',
      pipelineId,
      { type: 'DefinePipeline', data: { pipelineId, ...body } },
      context,
    );
  }

  @Post(':id/stages')
  @CommandEndpoint('Add a stage to a pipeline')
  addStage(
    @Param('id', RecordIdPipe) pipelineId: string,
    @Body() body: AddPipelineStageDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<AddPipelineStage>(
      'pipeline',
      pipelineId,
      { type: 'AddPipelineStage', data: { pipelineId, ...body } },
      context,
    );
  }

  @Post(':id/stages/:stageId/rename')
  @CommandEndpoint('Rename a pipeline stage')
  renameStage(
    @Param('id', RecordIdPipe) pipelineId: string,
    @Param('stageId', new RecordIdPipe('stageId')) stageId: string,
    @Body() body: RenamePipelineStageDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<RenamePipelineStage>(
      'pipeline',
      pipelineId,
      { type: 'RenamePipelineStage', data: { pipelineId, stageId, ...body } },
      context,
    );
  }

  @Post(':id/stages/:stageId/probability')
  @CommandEndpoint("Set a pipeline stage's win probability")
  setStageProbability(
    @Param('id', RecordIdPipe) pipelineId: string,
    @Param('stageId', new RecordIdPipe('stageId')) stageId: string,
    @Body() body: SetPipelineStageProbabilityDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<SetPipelineStageProbability>(
      'pipeline',
      pipelineId,
      { type: 'SetPipelineStageProbability', data: { pipelineId, stageId, ...body } },
      context,
    );
  }

  @Put(':id/stage-order')
  @CommandEndpoint("Reorder a pipeline's stages")
  reorderStages(
    @Param('id', RecordIdPipe) pipelineId: string,
    @Body() body: ReorderPipelineStagesDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<ReorderPipelineStages>(
      'pipeline',
      pipelineId,
      { type: 'ReorderPipelineStages', data: { pipelineId, ...body } },
      context,
    );
  }

  @Delete(':id/stages/:stageId')
  @CommandEndpoint('Remove a pipeline stage that holds no open deal')
  removeStage(
    @Param('id', RecordIdPipe) pipelineId: string,
    @Param('stageId', new RecordIdPipe('stageId')) stageId: string,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const data: RemovePipelineStageRequest = { pipelineId, stageId };
    return this.commands.send(
      'pipeline',
      pipelineId,
      { type: 'RemovePipelineStage', data },
      context,
    );
  }
}
