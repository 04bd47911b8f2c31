import { EVENT_SERIALIZER, EVENT_STORE, streamNameFor } from '@crm/application';
import { aggregateDeciders, isAggregateKind } from '@crm/domain';
import { EventSerializer, EventStore } from '@crm/event-store';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../http/api-error';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { RecordIdPipe } from '../http/record-id';
import { AuditPageQuery } from './audit.dtos';

/** The audit trail of one record, read straight from its stream in the event store. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_SERIALIZER) private readonly serializer: EventSerializer,
  ) {}

  @Get(':kind/:id')
  @ApiOperation({
    summary: "A record's full event history, oldest first, with every event's metadata",
  })
  @ApiParam({ name: 'kind', enum: Object.keys(aggregateDeciders) })
  @ApiHeader({
    name: 'X-Tenant-Id',
    required: false,
    description: "optional; must be the credential's tenant (else 403 TENANT_MISMATCH)",
  })
  async history(
    @Param('kind') kind: string,
    @Param('id', RecordIdPipe) id: string,
    @Query() page: AuditPageQuery,
    @TenancyFromRequest() { tenantId }: { tenantId: string },
  ) {
    if (!isAggregateKind(kind)) {
      throw ApiError.badRequest('INVALID_RECORD_KIND', `unknown record kind ${kind}`, [
        { field: 'kind', errors: [`must be one of ${Object.keys(aggregateDeciders).join(', ')}`] },
      ]);
    }
    const fromRevision = BigInt(page.fromRevision ?? 0);
    const recorded = await this.store.readStream(streamNameFor(kind, tenantId, id), {
      fromRevision,
      maxCount: page.limit + 1,
    });
    if (recorded.length === 0 && fromRevision === 0n) {
      throw new ApiError({
        statusCode: 404,
        code: 'RECORD_NOT_FOUND',
        message: `${kind} ${id} does not exist`,
      });
    }
    const events = recorded.slice(0, page.limit).map((r) => {
      const event = this.serializer.deserialize(r);
      return {
        eventId: event.id,
        type: event.type,
        storedType: event.storedType,
        revision: Number(event.revision),
        position: event.position.toString(),
        recordedAt: r.recordedAt.toISOString(),
        data: event.data,
        metadata: event.metadata,
      };
    });
    const next = recorded.length > page.limit ? Number(recorded[page.limit].revision) : null;
    return { kind, id, events, nextFromRevision: next };
  }
}
