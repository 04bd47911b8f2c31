import { CommandContext, ConvertLeadRequest } from '@crm/application';
import { AdjustLeadScore, AssignLead, CaptureLead, DisqualifyLead, QualifyLead } from '@crm/domain';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContextFromRequest } from '../http/command-context.decorator';
import { CommandEndpoint } from '../http/command-endpoint.decorator';
import { CommandSender } from '../http/command-sender';
import { newRecordId, RecordIdPipe } from '../http/record-id';
import {
  AdjustLeadScoreDto,
  AssignLeadDto,
  CaptureLeadDto,
  ConvertLeadDto,
  DisqualifyLeadDto,
  QualifyLeadDto,
} from './lead.dtos';

@ApiTags('leads')
@Controller('leads')
export class LeadsController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandEndpoint('Capture a lead', { creates: true })
  capture(
    @Body() { id, ...body }: CaptureLeadDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const leadId = newRecordId(context, id);
    return this.commands.send<CaptureLead>(
      'lead',
      leadId,
      { type: 'CaptureLead', data: { leadId, ...body } },
      context,
    );
  }

  @Post(':id/score')
  @CommandEndpoint("Adjust a lead's score")
  score(
    @Param('id', RecordIdPipe) leadId: string,
    @Body() body: AdjustLeadScoreDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<AdjustLeadScore>(
      'lead',
      leadId,
      { type: 'AdjustLeadScore', data: { leadId, ...body } },
      context,
    );
  }

  @Post(':id/assign')
  @CommandEndpoint('Assign a lead to an owner')
  assign(
    @Param('id', RecordIdPipe) leadId: string,
    @Body() body: AssignLeadDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<AssignLead>(
      'lead',
      leadId,
      { type: 'AssignLead', data: { leadId, ...body } },
      context,
    );
  }

  @Post(':id/qualify')
  @CommandEndpoint('Qualify a lead')
  qualify(
    @Param('id', RecordIdPipe) leadId: string,
    @Body() body: QualifyLeadDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<QualifyLead>(
      'lead',
      leadId,
      { type: 'QualifyLead', data: { leadId, ...body } },
      context,
    );
  }

  @Post(':id/disqualify')
  @CommandEndpoint('Disqualify a lead')
  disqualify(
    @Param('id', RecordIdPipe) leadId: string,
    @Body() body: DisqualifyLeadDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<DisqualifyLead>(
      'lead',
      leadId,
      { type: 'DisqualifyLead', data: { leadId, ...body } },
      context,
    );
  }

  /** The preparer turns the request into the domain's ConvertLead (derived contact/account/deal ids). */
  @Post(':id/convert')
  @CommandEndpoint('Convert a qualified lead into a contact, and optionally an account and a deal')
  convert(
    @Param('id', RecordIdPipe) leadId: string,
    @Body() body: ConvertLeadDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const data: ConvertLeadRequest = { leadId, ...body };
    return this.commands.send('lead', leadId, { type: 'ConvertLead', data }, context);
  }
}
