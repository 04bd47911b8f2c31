import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Omittable, QueryInteger } from '../http/field-rules';

export class CreateWebhookDto {
  @ApiProperty({
    description:
      'http(s) URL the events are POSTed to; private, loopback and link-local targets are refused ' +
      'unless CRM_WEBHOOK_ALLOWED_TARGETS allows them',
    example: 'https://hooks.example.com/crm',
    maxLength: 2000,
  })
  @IsString()
  @MaxLength(2000)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'url must be an http or https URL' })
  url!: string;

  @ApiProperty({
    description: 'event type names without version (ContactCreated, DealWon), or * for all',
    example: ['ContactCreated', 'DealWon'],
    isArray: true,
    type: String,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(/^(\*|[A-Z][A-Za-z0-9]{1,99})$/, {
    each: true,
    message: 'each event type must be an event name such as ContactCreated, or *',
  })
  eventTypes!: string[];

  @ApiProperty({
    required: false,
    description:
      'signing secret (16-200 visible characters); generated when absent. Answered only by this ' +
      'request, stored sealed',
    minLength: 16,
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  @Matches(/^[\x21-\x7e]+$/, { message: 'secret must be visible ASCII characters' })
  secret?: string;

  @ApiProperty({ required: false, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'dead-lettered'] as const;

/** A page of the delivery log: oldest first, after a position, optionally of one status. */
export class DeliveryLogQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @Omittable()
  @IsIn(DELIVERY_STATUSES)
  status?: (typeof DELIVERY_STATUSES)[number];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({
    description: "only deliveries of events after this log position (the last page's `next`)",
    pattern: '^\\d{1,19}$',
  })
  @Omittable()
  @Matches(/^\d{1,19}$/, { message: 'after must be a log position' })
  after?: string;
}
