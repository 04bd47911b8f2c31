import { CommandContext, deterministicId } from '@crm/application';
import { Injectable, PipeTransform } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiError } from './api-error';

export const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Validates a record id in the path: 1-64 letters, digits, _ or - (UUIDs fit). */
@Injectable()
export class RecordIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!RECORD_ID_PATTERN.test(value)) {
      throw ApiError.badRequest('INVALID_RECORD_ID', 'the record id in the path is invalid', [
        { field: 'id', errors: ['must be 1-64 letters, digits, _ or -'] },
      ]);
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
