import { CommandContext } from '@crm/application';
import { CorrectInteractionLinks, LogCall, LogEmail, LogMeeting, LogNote } from '@crm/domain';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContextFromRequest } from '../http/command-context.decorator';
import { CommandEndpoint } from '../http/command-endpoint.decorator';
import { CommandSender } from '../http/command-sender';
import { newRecordId, RecordIdPipe } from '../http/record-id';
import {
  CorrectInteractionLinksDto,
  LogCallDto,
  LogEmailDto,
  LogMeetingDto,
  LogNoteDto,
} from './interaction.dtos';

@ApiTags('interactions')
@Controller('interactions')
export class InteractionsController {
  constructor(private readonly commands: CommandSender) {}

  @Post('calls')
  @CommandEndpoint('Log a call with a contact', { creates: true })
  logCall(
    @Body() { id, ...body }: LogCallDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const interactionId = newRecordId(context, id);
    return this.commands.send<LogCall>(
      'interaction',
      interactionId,
      { type: 'LogCall', data: { interactionId, ...body } },
      context,
    );
  }

  @Post('emails')
  @CommandEndpoint('Log an email exchanged with a contact', { creates: true })
  logEmail(
    @Body() { id, ...body }: LogEmailDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const interactionId = newRecordId(context, id);
    return this.commands.send<LogEmail>(
      'interaction',
      interactionId,
      { type: 'LogEmail', data: { interactionId, ...body } },
      context,
    );
  }

  @Post('meetings')
  @CommandEndpoint('Log a meeting (it may lie ahead)', { creates: true })
  logMeeting(
    @Body() { id, ...body }: LogMeetingDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const interactionId = newRecordId(context, id);
    return this.commands.send<LogMeeting>(
      'interaction',
      interactionId,
      { type: 'LogMeeting', data: { interactionId, ...body } },
      context,
    );
  }

  @Post('notes')
  @CommandEndpoint('Log a note about a contact', { creates: true })
  logNote(
    @Body() { id, ...body }: LogNoteDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const interactionId = newRecordId(context, id);
    return this.commands.send<LogNote>(
      'interaction',
      interactionId,
      { type: 'LogNote', data: { interactionId, ...body } },
      context,
    );
  }

  @Post(':id/links')
  @CommandEndpoint('Correct the account, deal or ticket an interaction is filed under')
  correctLinks(
    @Param('id', RecordIdPipe) interactionId: string,
    @Body() body: CorrectInteractionLinksDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<CorrectInteractionLinks>(
      'interaction',
      interactionId,
      { type: 'CorrectInteractionLinks', data: { interactionId, ...body } },
      context,
    );
  }
}
