import { CommandContext } from '@crm/application';
import {
  AssignTicket,
  ChangeTicketPriority,
  CloseTicket,
  EscalateTicket,
  OpenTicket,
  ReopenTicket,
  ReplyToTicket,
  ResolveTicket,
} from '@crm/domain';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContextFromRequest } from '../http/command-context.decorator';
import { CommandEndpoint } from '../http/command-endpoint.decorator';
import { CommandSender } from '../http/command-sender';
import { newRecordId, RecordIdPipe } from '../http/record-id';
import {
  AssignTicketDto,
  ChangeTicketPriorityDto,
  CloseTicketDto,
  EscalateTicketDto,
  OpenTicketDto,
  ReopenTicketDto,
  ReplyToTicketDto,
  ResolveTicketDto,
} from './ticket.dtos';

@ApiTags('tickets')
@Controller('tickets')
export class TicketsController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandEndpoint('Open a support ticket; its priority sets the SLA', { creates: true })
  open(
    @Body() { id, ...body }: OpenTicketDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const ticketId = newRecordId(context, id);
    return this.commands.send<OpenTicket>(
      'ticket',
      ticketId,
      { type: 'OpenTicket', data: { ticketId, ...body } },
      context,
    );
  }

  @Post(':id/assign')
  @CommandEndpoint('Assign a ticket to an agent')
  assign(
    @Param('id', RecordIdPipe) ticketId: string,
    @Body() body: AssignTicketDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<AssignTicket>(
      'ticket',
      ticketId,
      { type: 'AssignTicket', data: { ticketId, ...body } },
      context,
    );
  }

  @Post(':id/replies')
  @CommandEndpoint('Reply to a ticket (agent or customer)')
  reply(
    @Param('id', RecordIdPipe) ticketId: string,
    @Body() body: ReplyToTicketDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<ReplyToTicket>(
      'ticket',
      ticketId,
      { type: 'ReplyToTicket', data: { ticketId, ...body } },
      context,
    );
  }

  @Post(':id/priority')
  @CommandEndpoint("Change a ticket's priority (its SLA is recomputed from opening)")
  changePriority(
    @Param('id', RecordIdPipe) ticketId: string,
    @Body() body: ChangeTicketPriorityDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<ChangeTicketPriority>(
      'ticket',
      ticketId,
      { type: 'ChangeTicketPriority', data: { ticketId, ...body } },
      context,
    );
  }

  @Post(':id/escalate')
  @CommandEndpoint('Escalate a ticket one level')
  escalate(
    @Param('id', RecordIdPipe) ticketId: string,
    @Body() body: EscalateTicketDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<EscalateTicket>(
      'ticket',
      ticketId,
      { type: 'EscalateTicket', data: { ticketId, ...body } },
      context,
    );
  }

  @Post(':id/resolve')
  @CommandEndpoint('Resolve a ticket')
  resolve(
    @Param('id', RecordIdPipe) ticketId: string,
    @Body() body: ResolveTicketDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<ResolveTicket>(
      'ticket',
      ticketId,
      { type: 'ResolveTicket', data: { ticketId, ...body } },
      context,
    );
  }

  @Post(':id/reopen')
  @CommandEndpoint('Reopen a resolved ticket')
  reopen(
    @Param('id', RecordIdPipe) ticketId: string,
    @Body() body: ReopenTicketDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<ReopenTicket>(
      'ticket',
      ticketId,
      { type: 'ReopenTicket', data: { ticketId, ...body } },
      context,
    );
  }

  @Post(':id/close')
  @CommandEndpoint('Close a ticket for good')
  close(
    @Param('id', RecordIdPipe) ticketId: string,
    @Body() _body: CloseTicketDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<CloseTicket>(
      'ticket',
      ticketId,
      { type: 'CloseTicket', data: { ticketId } },
      context,
    );
  }
}
