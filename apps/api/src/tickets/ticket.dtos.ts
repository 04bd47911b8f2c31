import {
  TICKET_CHANNELS,
  TICKET_REPLY_AUTHORS,
  TICKET_SLA_TARGETS,
  TicketChannel,
  TicketPriority,
  TicketReplyAuthor,
} from '@crm/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { CreatableDto } from '../http/common.dtos';
import { ClearedByNull, Omittable, SingleLine } from '../http/field-rules';
import { IsRecordId } from '../http/record-id';

const PRIORITIES = Object.keys(TICKET_SLA_TARGETS);

export class OpenTicketDto extends CreatableDto {
  @IsRecordId() contactId!: string;
  @Omittable() @IsRecordId() accountId?: string;

  @ApiProperty({ enum: TICKET_CHANNELS }) @IsIn(TICKET_CHANNELS) channel!: TicketChannel;

  @ApiProperty({ enum: PRIORITIES, description: 'sets the SLA targets' })
  @IsIn(PRIORITIES)
  priority!: TicketPriority;

  @SingleLine() @IsString() @Length(1, 300) subject!: string;
  @Omittable() @IsString() @MaxLength(10_000) description?: string;
}

export class AssignTicketDto {
  @ClearedByNull('the agent; null unassigns the ticket')
  @IsString()
  @Length(1, 64)
  agentId!: string | null;
}

export class ReplyToTicketDto {
  @ApiProperty({ enum: TICKET_REPLY_AUTHORS })
  @IsIn(TICKET_REPLY_AUTHORS)
  author!: TicketReplyAuthor;
  @IsString() @Length(1, 64) authorId!: string;
  @IsString() @Length(1, 20_000) body!: string;
}

export class ChangeTicketPriorityDto {
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority!: TicketPriority;
}

export class EscalateTicketDto {
  @IsString() @Length(1, 1000) reason!: string;
}

export class ResolveTicketDto {
  @IsString() @Length(1, 5000) resolution!: string;
}

export class ReopenTicketDto {
  @IsString() @Length(1, 1000) reason!: string;
}

/** Closing takes no fields; any field sent is refused. */
export class CloseTicketDto {}
