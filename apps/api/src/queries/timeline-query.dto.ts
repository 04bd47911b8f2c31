import { decodeTimelineCursor, TIMELINE_MAX_LIMIT } from '@crm/queries';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';
import { Omittable, QueryInteger } from '../http/field-rules';
import { ReadOptionsDto } from '../http/read-options';

/** `types=CallLogged,DealWon` or `types=CallLogged&types=DealWon`: one list either way. */
const toTypeList = ({ value }: { value: unknown }): unknown => {
  const parts = Array.isArray(value) ? value : [value];
  if (!parts.every((part): part is string => typeof part === 'string')) return value;
  return parts.flatMap((part) => part.split(',')).map((type) => type.trim());
};

const IsTimelineCursor = () =>
  ValidateBy({
    name: 'isTimelineCursor',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && decodeTimelineCursor(value) !== undefined,
      defaultMessage: () => 'before must be a nextCursor a timeline page returned',
    },
  });

export class TimelineQuery extends ReadOptionsDto {
  @ApiPropertyOptional({
    description: 'only these event types, comma-separated',
    example: 'CallLogged,DealWon',
    type: String,
  })
  @Omittable()
  @Transform(toTypeList)
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z][A-Za-z0-9]{0,63}$/, {
    each: true,
    message: 'types must be event type names such as CallLogged',
  })
  types?: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: TIMELINE_MAX_LIMIT, default: 20 })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(TIMELINE_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: "the previous page's nextCursor: entries older than it" })
  @Omittable()
  @IsTimelineCursor()
  before?: string;
}
