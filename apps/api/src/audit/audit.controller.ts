import { EVENT_SERIALIZER, EVENT_STORE, streamNameFor } from '@crm/application';
import { aggregateDeciders, isAggregateKind } from '@crm/domain';
import { EventSerializer, EventStore, StreamChainVerifier } from '@crm/event-store';
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
    summary:
      "A record's full event history, oldest first, with every event's metadata and hash, and whether the stream's hash chain verifies",
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
    const streamName = streamNameFor(kind, tenantId, id);
    // The chain is checked from the stream's first event, whichever page is asked for.
    const whole = await this.store.readStream(streamName);
    const verifier = new StreamChainVerifier(streamName);
    const links = whole.map((event) => verifier.add(event));
    const start = whole.findIndex((event) => event.revision >= fromRevision);
    const recorded = start === -1 ? [] : whole.slice(start, start + page.limit + 1);
    if (whole.length === 0 && fromRevision === 0n) {
      throw new ApiError({
        statusCode: 404,
        code: 'RECORD_NOT_FOUND',
        message: `${kind} ${id} does not exist`,
      });
    }
    const events = recorded.slice(0, page.limit).map((r, index) => {
      const event = this.serializer.deserialize(r);
      const link = links[start + index];
      return {
        eventId: event.id,
        type: event.type,
        storedType: event.storedType,
        revision: Number(event.revision),
        position: event.position.toString(),
        recordedAt: r.recordedAt.toISOString(),
        data: event.data,
        metadata: event.metadata,
        hash: link.hash ?? null,
        /** true: its link checks out; false: the chain is broken here or before; null: from before the chain. */
        chainVerified: link.verified,
      };
    });
    const next = recorded.length > page.limit ? Number(recorded[page.limit].revision) : null;
    const broken = verifier.broken;
    const chain = {
      verified: broken === undefined,
      eventsChecked: verifier.checked,
      eventsFromBeforeTheChain: verifier.unchained,
      brokenLink: broken
        ? {
            revision: Number(broken.revision),
            eventId: broken.eventId,
            expected: broken.expected,
            found: broken.found,
          }
        : null,
    };
    return { kind, id, chain, events, nextFromRevision: next };
  }
}
