import { applyDecorators, HttpCode, HttpStatus, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { CommandAnswer, CommandResponseInterceptor } from './command-response.interceptor';

const COMMON_ERRORS = [
  [
    400,
    'invalid body, path or headers (VALIDATION_FAILED, INVALID_RECORD_ID, INVALID_HEADERS), with the offending fields',
  ],
  [404, 'the record does not exist'],
  [409, 'concurrent change retried too often, or an idempotency key reused for another request'],
  [412, 'If-Match names a revision the record has moved on from'],
  [413, 'body too large'],
  [
    422,
    'a domain rule refused the command (machine-readable code) or a referenced record does not exist',
  ],
] as const;

/** Marks a controller method as a command endpoint: answer shape, ETag, documented headers and errors. */
export const CommandEndpoint = (summary: string, options: { creates?: boolean } = {}) =>
  applyDecorators(
    HttpCode(options.creates ? HttpStatus.CREATED : HttpStatus.OK),
    UseInterceptors(CommandResponseInterceptor),
    ApiOperation({ summary }),
    ApiHeader({
      name: 'X-Tenant-Id',
      required: false,
      description: "optional; must be the credential's tenant (else 403 TENANT_MISMATCH)",
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'a repeat returns the first answer and writes nothing',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'apply only at this record revision ("3")',
    }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    ApiResponse({
      status: options.creates ? 201 : 200,
      type: CommandAnswer,
      description: 'accepted; ETag is the new revision',
    }),
    ...COMMON_ERRORS.map(([status, description]) => ApiResponse({ status, description })),
  );
