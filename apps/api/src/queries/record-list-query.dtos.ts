import {
  CAMPAIGN_CHANNELS,
  CampaignChannel,
  CampaignStatus,
  DealStatus,
  LeadStatus,
  TICKET_CHANNELS,
  TicketChannel,
  TicketPriority,
  TicketStatus,
} from '@crm/domain';
import {
  CAMPAIGN_ORDERS,
  DEAL_ORDERS,
  decodeListCursor,
  INTERACTION_ORDERS,
  LEAD_ORDERS,
  PIPELINE_ORDERS,
  TICKET_ORDERS,
} from '@crm/queries';
import { InteractionChannel } from '@crm/projections';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import {
  IsCalendarDate,
  IsTimestamp,
  Omittable,
  QueryBoolean,
  QueryInteger,
  SingleLine,
} from '../http/field-rules';
import { RECORD_ID_PATTERN } from '../http/record-id';
import { PageQueryDto } from './page-query.dto';

const RECORD_ID_MESSAGE = { message: '$property must be 1-64 letters, digits, _ or -' };

const IsListCursor = (): PropertyDecorator =>
  ValidateBy({
    name: 'isListCursor',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && decodeListCursor(value) !== undefined,
      defaultMessage: () => 'cursor must be the nextCursor of an earlier page of this list',
    },
  });

const sortKeys = (orders: object): string[] => Object.keys(orders);

/** Paging of the record lists: `limit` with `offset`, or `cursor` from the previous page. */
export class ListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      "the previous page's nextCursor: the page after its last item, stable under concurrent writes (offset is then ignored)",
  })
  @Omittable()
  @IsListCursor()
  cursor?: string;
}

const RecordId = (): PropertyDecorator => Matches(RECORD_ID_PATTERN, RECORD_ID_MESSAGE);
const Principal = (): PropertyDecorator => applyDecorators(SingleLine(), IsString(), Length(1, 64));

export class ListLeadsQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['new', 'qualified', 'disqualified', 'converted'] })
  @Omittable()
  @IsIn(['new', 'qualified', 'disqualified', 'converted'])
  status?: LeadStatus;

  @Omittable() @SingleLine() @IsString() @Length(1, 100) source?: string;
  @Omittable() @RecordId() campaignId?: string;
  @Omittable() @Principal() ownerId?: string;

  @ApiPropertyOptional({ type: 'integer' })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  scoreMin?: number;

  @ApiPropertyOptional({ type: 'integer' })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  scoreMax?: number;

  @ApiPropertyOptional({ description: 'captured at or after this moment' })
  @Omittable()
  @IsTimestamp()
  capturedFrom?: string;

  @ApiPropertyOptional({ description: 'captured at or before this moment' })
  @Omittable()
  @IsTimestamp()
  capturedTo?: string;

  @ApiPropertyOptional({ enum: sortKeys(LEAD_ORDERS), default: '-capturedAt' })
  @Omittable()
  @IsIn(sortKeys(LEAD_ORDERS))
  sort?: keyof typeof LEAD_ORDERS;
}

export class ListDealsQuery extends ListQueryDto {
  @Omittable() @RecordId() pipelineId?: string;
  @Omittable() @RecordId() stageId?: string;

  @ApiPropertyOptional({ enum: ['open', 'won', 'lost'] })
  @Omittable()
  @IsIn(['open', 'won', 'lost'])
  status?: DealStatus;

  @Omittable() @Principal() ownerId?: string;
  @Omittable() @RecordId() accountId?: string;
  @Omittable() @RecordId() contactId?: string;

  @ApiPropertyOptional({ description: 'expected to close on or after this date (YYYY-MM-DD)' })
  @Omittable()
  @IsCalendarDate()
  expectedCloseFrom?: string;

  @ApiPropertyOptional({ description: 'expected to close on or before this date (YYYY-MM-DD)' })
  @Omittable()
  @IsCalendarDate()
  expectedCloseTo?: string;

  @ApiPropertyOptional({ enum: sortKeys(DEAL_ORDERS), default: '-openedAt' })
  @Omittable()
  @IsIn(sortKeys(DEAL_ORDERS))
  sort?: keyof typeof DEAL_ORDERS;
}

export class ListTicketsQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved', 'closed'] })
  @Omittable()
  @IsIn(['open', 'resolved', 'closed'])
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: ['low', 'normal', 'high', 'urgent'] })
  @Omittable()
  @IsIn(['low', 'normal', 'high', 'urgent'])
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: TICKET_CHANNELS })
  @Omittable()
  @IsIn([...TICKET_CHANNELS])
  channel?: TicketChannel;

  @Omittable() @Principal() assigneeId?: string;
  @Omittable() @RecordId() contactId?: string;
  @Omittable() @RecordId() accountId?: string;

  @ApiPropertyOptional({
    type: 'boolean',
    description: 'true: a first-response or resolution target breached now; false: none breached',
  })
  @Omittable()
  @QueryBoolean()
  @IsBoolean()
  slaBreached?: boolean;

  @ApiPropertyOptional({ enum: sortKeys(TICKET_ORDERS), default: '-openedAt' })
  @Omittable()
  @IsIn(sortKeys(TICKET_ORDERS))
  sort?: keyof typeof TICKET_ORDERS;
}

export class ListCampaignsQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'completed'] })
  @Omittable()
  @IsIn(['active', 'completed'])
  status?: CampaignStatus;

  @ApiPropertyOptional({ enum: CAMPAIGN_CHANNELS })
  @Omittable()
  @IsIn([...CAMPAIGN_CHANNELS])
  channel?: CampaignChannel;

  @ApiPropertyOptional({ enum: sortKeys(CAMPAIGN_ORDERS), default: '-startsOn' })
  @Omittable()
  @IsIn(sortKeys(CAMPAIGN_ORDERS))
  sort?: keyof typeof CAMPAIGN_ORDERS;
}

export class ListPipelinesQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: sortKeys(PIPELINE_ORDERS), default: 'name' })
  @Omittable()
  @IsIn(sortKeys(PIPELINE_ORDERS))
  sort?: keyof typeof PIPELINE_ORDERS;
}

const INTERACTION_CHANNELS: readonly InteractionChannel[] = ['call', 'email', 'meeting', 'note'];

export class ListInteractionsQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: INTERACTION_CHANNELS })
  @Omittable()
  @IsIn([...INTERACTION_CHANNELS])
  channel?: InteractionChannel;

  @Omittable() @RecordId() contactId?: string;
  @Omittable() @RecordId() accountId?: string;
  @Omittable() @RecordId() dealId?: string;
  @Omittable() @RecordId() ticketId?: string;

  @ApiPropertyOptional({ description: 'happened at or after this moment' })
  @Omittable()
  @IsTimestamp()
  occurredFrom?: string;

  @ApiPropertyOptional({ description: 'happened at or before this moment' })
  @Omittable()
  @IsTimestamp()
  occurredTo?: string;

  @ApiPropertyOptional({ enum: sortKeys(INTERACTION_ORDERS), default: '-occurredAt' })
  @Omittable()
  @IsIn(sortKeys(INTERACTION_ORDERS))
  sort?: keyof typeof INTERACTION_ORDERS;
}
