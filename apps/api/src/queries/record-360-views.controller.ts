import { ReadModels, ReadScope, RecordViews, timeline, TimelineSubject } from '@crm/queries';
import { Controller, Get, Param, Query, Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadScopeFromRequest } from '../auth/read-scope.decorator';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { TimeTravelOptionsDto } from '../http/read-options';
import { RecordIdPipe } from '../http/record-id';
import { PageQueryDto } from './page-query.dto';
import { QueryEndpoint } from './query-endpoint.decorator';
import { TimelineQuery } from './timeline-query.dto';
import { ViewClock } from './view-clock';
import { viewMoment } from './view-moment';
import { found, recordOr404, Tenancy } from './view-results';

/** What differs between the views of contacts and of accounts; the routes are the same. */
export type Record360ViewsSpec<Q extends PageQueryDto> = {
  /** The class name: Nest and the OpenAPI operation ids (`ContactViewsController_list`) use it. */
  name: string;
  kind: 'contact' | 'account';
  /** The route prefix, also the OpenAPI tag. */
  path: string;
  list: {
    summary: string;
    query: Type<Q>;
    run: (readModels: ReadModels, tenantId: string, query: Q) => Promise<unknown>;
  };
  summaries: { get: string; view360: string; timeline: string };
  view360: (readModels: ReadModels, tenantId: string, id: string, now: Date) => Promise<unknown>;
  timelineOf: (id: string) => TimelineSubject;
};

/**
 * The query controller of a record kind with a 360 and a timeline (contacts, accounts): its
 * list, the record now or as of a moment, its 360 and its timeline.
 */
export const record360ViewsController = <Q extends PageQueryDto>(
  spec: Record360ViewsSpec<Q>,
): Type<unknown> => {
  const notFound = { notFound: `${spec.kind.toUpperCase()}_NOT_FOUND` };

  @ApiTags(spec.path)
  @Controller(spec.path)
  class Record360ViewsController {
    constructor(
      private readonly readModels: ReadModels,
      private readonly records: RecordViews,
      private readonly clock: ViewClock,
    ) {}

    @Get()
    @QueryEndpoint(spec.list.summary)
    async list(
      @Query() query: PageQueryDto,
      @TenancyFromRequest() { tenantId }: Tenancy,
      @ReadScopeFromRequest() scope: ReadScope,
    ) {
      return spec.list.run(this.readModels.within(scope), tenantId, query as Q);
    }

    @Get(':id')
    @QueryEndpoint(spec.summaries.get, notFound)
    async get(
      @Param('id', RecordIdPipe) id: string,
      @Query() options: TimeTravelOptionsDto,
      @TenancyFromRequest() { tenantId }: Tenancy,
      @ReadScopeFromRequest() scope: ReadScope,
    ) {
      return recordOr404(this.records.within(scope), spec.kind, tenantId, id, options);
    }

    @Get(':id/360')
    @QueryEndpoint(spec.summaries.view360, notFound)
    async view360(
      @Param('id', RecordIdPipe) id: string,
      @Query() options: TimeTravelOptionsDto,
      @TenancyFromRequest() { tenantId }: Tenancy,
      @ReadScopeFromRequest() scope: ReadScope,
    ) {
      const { readModels, now } = viewMoment(
        this.readModels.within(scope),
        this.clock,
        options.asOf,
      );
      return found(await spec.view360(readModels, tenantId, id, now), spec.kind, id);
    }

    @Get(':id/timeline')
    @QueryEndpoint(spec.summaries.timeline, notFound)
    async timeline(
      @Param('id', RecordIdPipe) id: string,
      @Query() query: TimelineQuery,
      @TenancyFromRequest() { tenantId }: Tenancy,
      @ReadScopeFromRequest() scope: ReadScope,
    ) {
      const readModels = this.readModels.within(scope);
      return found(await timeline(readModels, tenantId, spec.timelineOf(id), query), spec.kind, id);
    }
  }

  // The list's query is the kind's own DTO: validation and the OpenAPI parameters read it here.
  const { prototype } = Record360ViewsController;
  const listParameters: unknown[] = Reflect.getMetadata('design:paramtypes', prototype, 'list');
  Reflect.defineMetadata(
    'design:paramtypes',
    [spec.list.query, ...listParameters.slice(1)],
    prototype,
    'list',
  );
  Object.defineProperty(Record360ViewsController, 'name', { value: spec.name });
  return Record360ViewsController;
};
