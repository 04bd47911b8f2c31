import { Module } from '@nestjs/common';
import { commandController } from '../http/command-controller';
import { ApiCommonModule } from '../http/api-common.module';
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

/** The tickets: commands (derived from the catalogue) and their DTOs. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('ticket', {
      OpenTicket: OpenTicketDto,
      AssignTicket: AssignTicketDto,
      ReplyToTicket: ReplyToTicketDto,
      ChangeTicketPriority: ChangeTicketPriorityDto,
      EscalateTicket: EscalateTicketDto,
      ResolveTicket: ResolveTicketDto,
      ReopenTicket: ReopenTicketDto,
      CloseTicket: CloseTicketDto,
    }),
  ],
})
export class TicketsModule {}
