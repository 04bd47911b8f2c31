import { CommandResult } from '@crm/application';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';

export class CommandAnswer {
  @ApiProperty({ description: 'id of the record the command applied to' })
  id!: string;

  @ApiProperty({ description: "the record's stream revision after the command (also the ETag)" })
  revision!: number;

  @ApiProperty({
    description:
      'global position of the last event written; pass it as minPosition to read your write',
    example: '42',
  })
  position!: string;

  @ApiProperty({ description: 'events appended: 0 for a no-op or a repeated idempotent request' })
  appended!: number;
}

/** Names the process managers a command set going that had not finished when it was answered. */
export const PROCESSES_PENDING_HEADER = 'x-processes-pending';

/** Turns a CommandResult into the JSON answer and sets the ETag to the record's revision. */
@Injectable()
export class CommandResponseInterceptor implements NestInterceptor<CommandResult, CommandAnswer> {
  intercept(
    context: ExecutionContext,
    next: CallHandler<CommandResult>,
  ): Observable<CommandAnswer> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result) => {
        void reply.header('etag', `"${result.revision}"`);
        if (result.pendingProcesses?.length) {
          void reply.header(PROCESSES_PENDING_HEADER, result.pendingProcesses.join(', '));
        }
        return {
          id: result.recordId,
          revision: Number(result.revision),
          position: result.position.toString(),
          appended: result.appended,
        };
      }),
    );
  }
}
