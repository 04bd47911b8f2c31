import { ReadYourWrites } from '@crm/application';
import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsTimestamp, Omittable } from './field-rules';

/** Query-string options every read endpoint understands. */
export class ReadOptionsDto {
  @ApiPropertyOptional({
    description:
      "a command answer's `position`: wait (bounded) until the read models have applied it; 503 READ_MODELS_BEHIND if they do not in time",
    example: '42',
  })
  @Omittable()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a global position (digits)' })
  minPosition?: string;
}

/** Read endpoints that can also answer for a past moment. */
export class TimeTravelOptionsDto extends ReadOptionsDto {
  @ApiPropertyOptional({
    description: 'answer as of this moment (ISO-8601), from the history the read models keep',
    example: '2026-03-01T00:00:00Z',
  })
  @Omittable()
  @IsTimestamp()
  asOf?: string;
}

/** Holds a query back until the read models have reached the position the client asked for. */
@Injectable()
export class ReadGate {
  constructor(private readonly readYourWrites: ReadYourWrites) {}

  async ready(options: ReadOptionsDto): Promise<void> {
    if (options.minPosition !== undefined)
      await this.readYourWrites.waitFor(BigInt(options.minPosition));
  }
}
