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
  IsSearchQuery,
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

/** An optional filter on one of `values`. */
export const OneOf = (values: readonly string[], description?: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ enum: [...values], ...(description !== undefined && { description }) }),
    Omittable(),
    IsIn([...values]),
  );

/** The optional `sort` of a list: one of its orders' keys, `fallback` when absent. */
export const SortOf = (orders: object, fallback: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ enum: sortKeys(orders), default: fallback }),
    Omittable(),
    IsIn(sortKeys(orders)),
  );

/** An optional bound of a range: a moment (date-time with an offset), or a calendar date. */
export const Bound = (description: string, kind: 'moment' | 'date' = 'moment'): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description }),
    Omittable(),
    kind === 'moment' ? IsTimestamp() : IsCalendarDate(),
  );

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

/** An optional bound of a lead's score, an integer within ±1,000,000. */
const ScoreBound = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer' }),
    Omittable(),
    QueryInteger(),
    IsInt(),
    Min(-1_000_000),
    Max(1_000_000),
  );

export class ListLeadsQuery extends ListQueryDto {
  @Omittable() @IsSearchQuery() q?: string;

  @OneOf(['new', 'qualified', 'disqualified', 'converted'])
  status?: LeadStatus;

  @Omittable() @SingleLine() @IsString() @Length(1, 100) source?: string;
  @Omittable() @RecordId() campaignId?: string;
  @Omittable() @Principal() ownerId?: string;

  @ScoreBound() scoreMin?: number;

  @ScoreBound() scoreMax?: number;

  @Bound('captured at or after this moment')
  capturedFrom?: string;

  @Bound('captured at or before this moment')
  capturedTo?: string;

  @SortOf(LEAD_ORDERS, '-capturedAt')
  sort?: keyof typeof LEAD_ORDERS;
}

export class ListDealsQuery extends ListQueryDto {
  @Omittable() @RecordId() pipelineId?: string;
  @Omittable() @RecordId() stageId?: string;

  @OneOf(['open', 'won', 'lost'])
  status?: DealStatus;

  @Omittable() @Principal() ownerId?: string;
  @Omittable() @RecordId() accountId?: string;
  @Omittable() @RecordId() contactId?: string;

  @Bound('expected to close on or after this date (YYYY-MM-DD)', 'date')
  expectedCloseFrom?: string;

  @Bound('expected to close on or before this date (YYYY-MM-DD)', 'date')
  expectedCloseTo?: string;

  @SortOf(DEAL_ORDERS, '-openedAt')
  sort?: keyof typeof DEAL_ORDERS;
}

export class ListTicketsQuery extends ListQueryDto {
  @OneOf(['open', 'resolved', 'closed'])
  status?: TicketStatus;

  @OneOf(['low', 'normal', 'high', 'urgent'])
  priority?: TicketPriority;

  @OneOf(TICKET_CHANNELS)
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

  @SortOf(TICKET_ORDERS, '-openedAt')
  sort?: keyof typeof TICKET_ORDERS;
}

export class ListCampaignsQuery extends ListQueryDto {
  @OneOf(['active', 'completed'])
  status?: CampaignStatus;

  @OneOf(CAMPAIGN_CHANNELS)
  channel?: CampaignChannel;

  @SortOf(CAMPAIGN_ORDERS, '-startsOn')
  sort?: keyof typeof CAMPAIGN_ORDERS;
}

export class ListPipelinesQuery extends ListQueryDto {
  @SortOf(PIPELINE_ORDERS, 'name')
  sort?: keyof typeof PIPELINE_ORDERS;
}

const INTERACTION_CHANNELS: readonly InteractionChannel[] = ['call', 'email', 'meeting', 'note'];

export class ListInteractionsQuery extends ListQueryDto {
  @OneOf(INTERACTION_CHANNELS)
  channel?: InteractionChannel;

  @Omittable() @RecordId() contactId?: string;
  @Omittable() @RecordId() accountId?: string;
  @Omittable() @RecordId() dealId?: string;
  @Omittable() @RecordId() ticketId?: string;

  @Bound('happened at or after this moment')
  occurredFrom?: string;

  @Bound('happened at or before this moment')
  occurredTo?: string;

  @SortOf(INTERACTION_ORDERS, '-occurredAt')
  sort?: keyof typeof INTERACTION_ORDERS;
}
