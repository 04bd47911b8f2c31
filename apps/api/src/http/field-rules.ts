import { applyDecorators, PipeTransform } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsISO8601,
  isISO8601,
  IsString,
  Length,
  IsObject,
  length,
  Matches,
  registerDecorator,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { searchQueryTerms } from '@crm/projections';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiError } from './api-error';

/** Validation rules several endpoint groups share (tags, custom fields, optional fields). */
export const TAG_MAX_LENGTH = 64;
export const CUSTOM_FIELD_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const CUSTOM_FIELD_STRING_MAX_LENGTH = 2000;

/** No tab or line break: names, titles, tags and identifiers are one line of text. */
export const SingleLine = (): PropertyDecorator =>
  Matches(/^[^\t\n\r]*$/, { message: '$property must be one line (no tab or line break)' });

const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/**
 * A tag: 1-64 characters on one line, trimmed. Tags compare case-insensitively in the domain, so
 * `VIP` and ` vip ` name the same tag.
 */
export const IsTag = (): PropertyDecorator =>
  applyDecorators(Transform(trimmed), IsString(), Length(1, TAG_MAX_LENGTH), SingleLine());

/**
 * The field may be left out, but not sent as `null` (which `@IsOptional()` would let through to
 * the domain, where absent means "unchanged" and `null` is not a value of the field).
 */
export const Omittable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

const isCustomFieldValue = (value: unknown): boolean =>
  value === null ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.length <= CUSTOM_FIELD_STRING_MAX_LENGTH);

/** A custom field value: a string (up to 2000 characters), a finite number, a boolean or null. */
export const IsCustomFieldValue =
  (options?: ValidationOptions): PropertyDecorator =>
  (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCustomFieldValue',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must be a string of at most ${CUSTOM_FIELD_STRING_MAX_LENGTH} characters, a number, a boolean or null`,
        ...options,
      },
      validator: { validate: isCustomFieldValue },
    });

/** Validates one path parameter that is not a record id; refuses it like a bad body field. */
class PathParamPipe implements PipeTransform<string, string> {
  constructor(
    private readonly name: string,
    private readonly isValid: (value: string) => boolean,
    private readonly rule: string,
  ) {}

  transform(value: string): string {
    if (!this.isValid(value)) {
      throw ApiError.badRequest('VALIDATION_FAILED', `the path parameter ${this.name} is invalid`, [
        { field: this.name, errors: [this.rule] },
      ]);
    }
    return value;
  }
}

/** The same rule as a tag in a body (`@Length(1, TAG_MAX_LENGTH)`), so any tag added can be removed. */
export const TagParamPipe = new PathParamPipe(
  'tag',
  (value) => length(value.trim(), 1, TAG_MAX_LENGTH) && !/[\p{Cc}]/u.test(value),
  `tag must be 1-${TAG_MAX_LENGTH} characters without control characters`,
);

export const CustomFieldKeyPipe = new PathParamPipe(
  'key',
  (value) => CUSTOM_FIELD_KEY_PATTERN.test(value),
  'key must be 1-64 letters, digits, _, . or -',
);

/**
 * A date-time with a `T` separator, a time (at least hours and minutes) and an explicit offset
 * (`Z`, `+02:00`, `+0200`): without an offset the moment would depend on the server's time zone.
 */
const TIMESTAMP_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const isTimestamp = (value: unknown): value is string =>
  typeof value === 'string' &&
  TIMESTAMP_SHAPE.test(value) &&
  isISO8601(value, { strict: true, strictSeparator: true }) &&
  !Number.isNaN(Date.parse(value));

/**
 * Runs before validation (class-transformer first, then class-validator), so it only rewrites a
 * value the rule accepts; anything else stays as sent and is refused.
 */
const canonicalTimestamp = ({ value }: { value: unknown }): unknown =>
  isTimestamp(value) ? new Date(value).toISOString() : value;

/**
 * An ISO-8601 date-time with a `T` separator and an offset, stored in canonical UTC form
 * (`2026-06-01T08:00:00.000Z`) so that times in events sort and compare as strings.
 */
export const IsTimestamp = (): PropertyDecorator =>
  applyDecorators(Transform(canonicalTimestamp), (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimestamp',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: '$property must be an ISO-8601 date-time with an offset (2026-06-01T10:00:00Z)',
      },
      validator: { validate: isTimestamp },
    }),
  );

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is refused). */
export const IsCalendarDate = (): PropertyDecorator =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a YYYY-MM-DD date' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );

/** A required nested object: refuses a missing value, a non-object, and invalid contents. */
export const NestedObject = <T>(type: new () => T): PropertyDecorator =>
  applyDecorators(
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );

/** An optional nested object: absent is fine; an array, a string or `null` is refused. */
export const OptionalNestedObject = <T>(type: new () => T): PropertyDecorator =>
  applyDecorators(Omittable(), NestedObject(type));

/**
 * A whole number in a query string, written in decimal digits only: `1e3`, `0x10`, `1.0`, an empty
 * value or more than 15 digits stay text and are refused by `@IsInt()`, never silently read as a
 * different number or one beyond what a JavaScript number holds exactly.
 */
export const QueryInteger = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
  );

/**
 * A word search (`q`): 1-100 characters holding at least one word of two letters or digits,
 * matched against whole words and word beginnings (`search-terms.ts`).
 */
export const IsSearchQuery = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'words, each matching a word or the beginning of one (name, email, phone, company, domain); all must match',
      maxLength: 100,
    }),
    IsString(),
    Length(1, 100),
    ValidateBy({
      name: 'isSearchQuery',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && searchQueryTerms(value).length > 0,
        defaultMessage: () => 'q must hold a word of two letters or digits or more',
      },
    }),
  );

/** `true` or `false` in a query string, as a boolean; any other text stays text and is refused. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

/**
 * A field that must be sent, where `null` clears what the record holds (an owner, an agent) and
 * any other value must pass the field's rules.
 */
export const ClearedByNull = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ required: true, nullable: true, type: String, description }),
    ValidateIf((_object: object, value: unknown) => value !== null),
  );

/**
 * An optional field an update may clear: left out, it stays as it is; `null` clears it; any other
 * value must pass the field's rules.
 */
export const Clearable = (
  description = 'null clears it; left out, it stays as it is',
): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ required: false, nullable: true, description }),
    ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null),
  );

/** An optional nested object an update may clear with `null`. */
export const ClearableNestedObject = <T>(type: new () => T): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      required: false,
      nullable: true,
      type,
      description: 'null clears it; left out, it stays as it is',
    }),
    ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
