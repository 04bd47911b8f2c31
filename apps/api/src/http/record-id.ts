import { CommandContext, deterministicId } from '@crm/application';
import { Injectable, Optional, PipeTransform } from '@nestjs/common';
import { Matches, ValidationOptions } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { ApiError } from './api-error';

export const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const RECORD_ID_RULE = 'must be 1-64 letters, digits, _ or -';

/**
 * A record id in a body: 1-64 letters, digits, _ or - (UUIDs fit). With `{ each: true }` it
 * checks every element of an array.
 */
export const IsRecordId = (options?: ValidationOptions): PropertyDecorator =>
  Matches(RECORD_ID_PATTERN, {
    message: options?.each
      ? `each value in $property ${RECORD_ID_RULE}`
      : `$property ${RECORD_ID_RULE}`,
    ...options,
  });

/**
 * Validates a record id in the path: 1-64 letters, digits, _ or - (UUIDs fit). Reports the path
 * parameter under its own name: `@Param('id', RecordIdPipe)`, or
 * `@Param('stageId', new RecordIdPipe('stageId'))` for any other parameter.
 */
@Injectable()
export class RecordIdPipe implements PipeTransform<string, string> {
  constructor(@Optional() private readonly name: string = 'id') {}

  transform(value: string): string {
    if (!RECORD_ID_PATTERN.test(value)) {
      throw ApiError.badRequest(
        'INVALID_RECORD_ID',
        `the record id in the path (${this.name}) is invalid`,
        [{ field: this.name, errors: [`${this.name} ${RECORD_ID_RULE}`] }],
      );
    }
    return value;
  }
}

/**
 * The id of a record being created: the client's own, else one derived from the idempotency key
 * (so a repeated create lands on the same record), else a fresh UUID.
 */
export const newRecordId = (context: CommandContext, clientId?: string): string =>
  clientId ??
  (context.idempotencyKey
    ? deterministicId(context.tenantId, 'record', context.idempotencyKey)
    : randomUUID());
