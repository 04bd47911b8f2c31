import {
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** Small builders for the answer schemas, so each schema file reads like the answer it documents. */
export type Schema = SchemaObject | ReferenceObject;

export const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

export const str = (description?: string): SchemaObject => ({
  type: 'string',
  ...(description !== undefined && { description }),
});
export const dateTime = (): SchemaObject => ({ type: 'string', format: 'date-time' });
export const calendarDate = (): SchemaObject => ({ type: 'string', example: '2026-03-31' });
export const int = (description?: string): SchemaObject => ({
  type: 'integer',
  ...(description !== undefined && { description }),
});
export const num = (): SchemaObject => ({ type: 'number' });
export const bool = (): SchemaObject => ({ type: 'boolean' });
export const oneOfValues = (values: readonly string[]): SchemaObject => ({
  type: 'string',
  enum: [...values],
});
export const arrayOf = (items: Schema): SchemaObject => ({ type: 'array', items });
/** A JSON object whose keys are data (currencies, channels, custom field keys). */
export const mapOf = (values: Schema): SchemaObject => ({
  type: 'object',
  additionalProperties: values,
});
/** A global position: a decimal string, as positions outgrow JSON numbers. */
export const position = (): SchemaObject => ({ type: 'string', pattern: '^\\d+$' });

/**
 * An object with these properties; the ones named in `required` are always there. Answers may
 * grow fields later: clients should ignore the ones they do not know.
 */
export const object = (
  properties: Record<string, Schema>,
  required: readonly string[] = [],
  description?: string,
): SchemaObject => ({
  type: 'object',
  ...(description !== undefined && { description }),
  ...(required.length > 0 && { required: [...required] }),
  properties,
});

/** Only `null`. */
const NULL_ONLY: SchemaObject = { type: 'object', nullable: true, enum: [null] };

/** `null`, or what `schema` describes. */
export const nullable = (schema: Schema): Schema =>
  '$ref' in schema || schema.type === undefined
    ? { anyOf: [schema, NULL_ONLY] }
    : { ...schema, nullable: true };

/** A personal-data field: its value, or `***` for a caller without `pii:read` (X-Masked-Fields). */
export const maskable = (schema: Schema): Schema => ({ anyOf: [schema, ref('MaskedValue')] });

export const MASKED_VALUE_SCHEMA: SchemaObject = {
  type: 'string',
  enum: ['***'],
  description:
    'personal data masked for a caller without pii:read; the X-Masked-Fields header names the fields',
};

/** Money as the API answers it today: an amount in major units (19.99) and an ISO 4217 code. */
export const MONEY_SCHEMA: SchemaObject = object(
  { amount: { type: 'number', example: 19.99 }, currency: { type: 'string', example: 'EUR' } },
  ['amount', 'currency'],
);

/** Totals per currency: `{ "EUR": 1500 }`, amounts in major units. */
export const currencyTotals = (): SchemaObject => mapOf(num());

/** Custom fields by key: each a string, a number, a boolean or null. */
export const customFields = (): SchemaObject =>
  mapOf({ anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, NULL_ONLY] });
