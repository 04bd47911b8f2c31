import {
  ConcurrencyConflictError,
  IdempotencyConflictError,
  PreconditionFailedError,
  PermissionDeniedError,
  PositionNotWrittenError,
  ReadModelsBehindError,
  RecordNotVisibleError,
  ReferenceNotFoundError,
} from '@crm/application';
import { DomainError, domainErrorCodes, isDomainErrorCode } from '@crm/domain';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { RateLimitedError } from '../auth/rate-limits';
import { UnauthenticatedError } from '../auth/unauthenticated.error';
import { ApiError, ApiErrorBody } from './api-error';

const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
  not_found: HttpStatus.NOT_FOUND,
  already_exists: HttpStatus.CONFLICT,
};

/** Fastify rejects some requests before Nest sees them; its error codes, made ours. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

const codeForStatus = (status: number): string =>
  (HttpStatus[status] as string | undefined) ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR');

/** Every failure becomes the same JSON shape with a machine-readable code. */
export const toErrorBody = (error: unknown): ApiErrorBody | undefined => {
  if (error instanceof ApiError) return error.body;
  if (error instanceof RateLimitedError) return error.body;
  if (error instanceof UnauthenticatedError) {
    return {
      statusCode: HttpStatus.UNAUTHORIZED,
      code: error.code,
      message: 'a valid credential is required',
    };
  }
  if (error instanceof DomainError) {
    // The aggregate's declared kind for the code decides the status.
    const kind = isDomainErrorCode(error.code) ? domainErrorCodes[error.code] : error.kind;
    return {
      statusCode: DOMAIN_STATUS[kind],
      code: error.code,
      message: error.message,
      details: error.details,
    };
  }
  if (error instanceof RecordNotVisibleError) {
    return { statusCode: HttpStatus.NOT_FOUND, code: error.code, message: error.message };
  }
  if (error instanceof PermissionDeniedError) {
    return {
      statusCode: HttpStatus.FORBIDDEN,
      code: error.code,
      message: error.message,
      details: { permission: error.permission },
    };
  }
  if (error instanceof ReferenceNotFoundError) {
    return {
      statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
      code: error.code,
      message: error.message,
      fields: [{ field: error.field, errors: [`${error.kind} ${error.recordId} does not exist`] }],
    };
  }
  if (error instanceof PreconditionFailedError) {
    return {
      statusCode: HttpStatus.PRECONDITION_FAILED,
      code: error.code,
      message: error.message,
      details: {
        expectedRevision: Number(error.expectedRevision),
        actualRevision: Number(error.actualRevision),
      },
    };
  }
  if (error instanceof ReadModelsBehindError) {
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      code: error.code,
      message: error.message,
      details: {
        requested: error.requested.toString(),
        reached: error.reached.toString(),
        ...(error.stalled && {
          stalled: {
            projections: error.stalled.projections,
            error: error.stalled.error,
            since: error.stalled.since,
          },
        }),
      },
    };
  }
  if (error instanceof PositionNotWrittenError) {
    return {
      statusCode: HttpStatus.BAD_REQUEST,
      code: error.code,
      message: error.message,
      fields: [{ field: 'minPosition', errors: [error.message] }],
      details: { requested: error.requested.toString(), head: error.head.toString() },
    };
  }
  if (error instanceof ConcurrencyConflictError || error instanceof IdempotencyConflictError) {
    return { statusCode: HttpStatus.CONFLICT, code: error.code, message: error.message };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { statusCode: status, code: codeForStatus(status), message: error.message };
  }
  const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const ours = typeof code === 'string' ? FASTIFY_CODES[code] : undefined;
    return {
      statusCode,
      code: ours ?? codeForStatus(statusCode),
      message: (error as Error).message,
    };
  }
  return undefined;
};

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toErrorBody(error) ?? {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'an unexpected error occurred',
    };
    if (error instanceof UnauthenticatedError) {
      void reply.header('www-authenticate', 'Bearer error="invalid_token"');
    } else if (error instanceof ReadModelsBehindError) {
      // A lag, not a fault: the client may retry shortly.
      void reply.header('retry-after', '1');
    } else if (body.statusCode >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    void reply.status(body.statusCode).send(body);
  }
}
