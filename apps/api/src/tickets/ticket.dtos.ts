import { TICKET_SLA_TARGETS, TicketChannel, TicketPriority, TicketReplyAuthor } from '@crm/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { CreatableDto } from '../http/common.dtos';
import { RECORD_ID_PATTERN } from '../http/record-id';

const CHANNELS = Object.keys({ email: 0, phone: 0, chat: 0, web: 0, social: 0 } satisfies Record<
  TicketChannel,
  0
>);
const PRIORITIES = Object.keys(TICKET_SLA_TARGETS);
const AUTHORS = Object.keys({ agent: 0, customer: 0 } satisfies Record<TicketReplyAuthor, 0>);

/** May be left out, but is never `null`. */
const Optional = () => ValidateIf((_dto: object, value: unknown) => value !== undefined);

export class OpenTicketDto extends CreatableDto {
  @Matches(RECORD_ID_PATTERN, { message: 'contactId must be 1-64 letters, digits, _ or -' })
  contactId!: string;

  @Optional()
  @Matches(RECORD_ID_PATTERN, { message: 'accountId must be 1-64 letters, digits, _ or -' })
  accountId?: string;

  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: TicketChannel;

  @ApiProperty({ enum: PRIORITIES, description: 'sets the SLA targets' })
  @IsIn(PRIORITIES)
  priority!: TicketPriority;

  @IsString() @Length(1, 300) subject!: string;
  @Optional() @IsString() @MaxLength(10_000) description?: string;
}

export class AssignTicketDto {
  @IsString() @Length(1, 64) agentId!: string;
}

export class ReplyToTicketDto {
  @ApiProperty({ enum: AUTHORS }) @IsIn(AUTHORS) author!: TicketReplyAuthor;
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
