import { applyDecorators, HttpCode, HttpStatus, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { CommandAnswer, CommandResponseInterceptor } from './command-response.interceptor';

/** Marks a controller method as a command endpoint: answer shape, ETag, documented headers (the error statuses are added to every
 * operation by `completeDocument`). */
export const CommandEndpoint = (
  summary: string,
  options: { creates?: boolean; followedBy?: readonly string[] } = {},
) =>
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
      description: options.followedBy?.length
        ? `accepted; ETag is the new revision; position covers what ${options.followedBy.join(', ')} wrote for it`
        : 'accepted; ETag is the new revision',
      ...(options.followedBy?.length && {
        headers: {
          'X-Processes-Pending': {
            description:
              'process managers that had not handled the command in time (position then covers only its own events)',
            schema: { type: 'string' },
          },
        },
      }),
    }),
  );
