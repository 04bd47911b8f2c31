import { AggregateKind } from '@crm/domain';
import { RecordView, RecordViews } from '@crm/queries';
import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../http/api-error';
import { TimeTravelOptionsDto } from '../http/read-options';

/** Tenant and actor of a query, from the headers. */
export type Tenancy = { tenantId: string; actorId: string };

/** `<KIND>_NOT_FOUND` (404). */
export const notFound = (kind: AggregateKind, id: string): ApiError =>
  new ApiError({
    statusCode: HttpStatus.NOT_FOUND,
    code: `${kind.toUpperCase()}_NOT_FOUND`,
    message: `${kind} ${id} does not exist`,
  });

/** The view, or a 404 for the record it is about. */
export const found = <T>(view: T | null | undefined, kind: AggregateKind, id: string): T => {
  if (view === null || view === undefined) throw notFound(kind, id);
  return view;
};

/** One record's document, now or `asOf` the moment asked for; 404 when it does not (or did not yet) exist. */
export const recordOr404 = async (
  records: RecordViews,
  kind: AggregateKind,
  tenantId: string,
  id: string,
  { asOf }: TimeTravelOptionsDto,
): Promise<RecordView> =>
  found(
    await records.get(kind, tenantId, id, asOf === undefined ? undefined : new Date(asOf)),
    kind,
    id,
  );
