import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { WaitsForMinPosition } from './waits-for-min-position.decorator';

/**
 * Marks a controller method as a query endpoint: it waits for its `minPosition` before it runs,
 * and documents its summary, tenant headers and the errors it may answer.
 */
export const QueryEndpoint = (summary: string, options: { notFound?: string } = {}) =>
  applyDecorators(
    WaitsForMinPosition(),
    ApiOperation({ summary }),
    ApiHeader({
      name: 'X-Tenant-Id',
      required: false,
      description: "optional; must be the credential's tenant (else 403 TENANT_MISMATCH)",
    }),
    ApiResponse({
      status: 400,
      description:
        'invalid query, path or headers (VALIDATION_FAILED, INVALID_RECORD_ID, INVALID_HEADERS), with the offending fields',
    }),
    ...(options.notFound !== undefined
      ? [
          ApiResponse({
            status: 404,
            description: `${options.notFound}: no such record in this tenant`,
          }),
        ]
      : []),
    ApiResponse({
      status: 503,
      description: 'READ_MODELS_BEHIND: the read models did not reach minPosition in time',
    }),
  );
