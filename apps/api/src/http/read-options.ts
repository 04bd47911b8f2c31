import { EVENT_STORE, ReadYourWrites } from '@crm/application';
import { EventStore } from '@crm/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ApiError } from './api-error';
import { IsTimestamp, Omittable } from './field-rules';

/** Query-string options every read endpoint understands. */
export class ReadOptionsDto {
  @ApiPropertyOptional({
    description:
      "a command answer's `position`: wait (bounded) until the read models have applied it; 503 READ_MODELS_BEHIND if they do not in time, 400 POSITION_NOT_WRITTEN if the log has no such position yet",
    example: '42',
  })
  @Omittable()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a global position (digits)' })
  minPosition?: string;
}

/** Read endpoints that can also answer for a past moment. */
export class TimeTravelOptionsDto extends ReadOptionsDto {
  @ApiPropertyOptional({
    description: 'answer as of this moment (ISO-8601), replayed from the log',
    example: '2026-03-01T00:00:00Z',
  })
  @Omittable()
  @IsTimestamp()
  asOf?: string;
}

/**
 * Holds a query back until the read models have reached the position the client asked for. A
 * position beyond the log's head was never answered to any command: waiting for it could only
 * time out, so it is the client's mistake (400), not the server's lag (503).
 */
@Injectable()
export class ReadGate {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async ready(options: ReadOptionsDto): Promise<void> {
    if (options.minPosition === undefined) return;
    const position = BigInt(options.minPosition);
    if (position > (await this.store.headPosition())) {
      throw ApiError.badRequest(
        'POSITION_NOT_WRITTEN',
        'minPosition is beyond the last event written',
        [{ field: 'minPosition', errors: ['must be a position a command answered'] }],
      );
    }
    await this.readYourWrites.waitFor(position);
  }
}
