import { Projection, ProjectedEvent } from '../projection';

/**
 * Whether the event was recorded in the document's own record stream. Record documents are
 * keyed `<tenantId>:<recordId>` and record streams are named `<kind>-<tenantId>.<recordId>`
 * (the application's `streamNameFor`; a test keeps the two in step).
 */
export const isOwnRecordStream = (
  kind: string,
  streamName: string,
  documentId: string,
): boolean => {
  const separator = documentId.indexOf(':');
  if (separator < 0) return false;
  const tenantId = documentId.slice(0, separator);
  const recordId = documentId.slice(separator + 1);
  return streamName === `${kind}-${tenantId}.${recordId}`;
};

/**
 * A record projection whose documents also carry `revision`: the revision of the last event of
 * the record's own stream folded into it, which reads answer as their ETag and commands accept
 * in If-Match. An event from another stream (a merge touching the surviving contact) changes
 * the document but not its revision.
 */
export const withRecordRevision = (kind: string, projection: Projection): Projection => ({
  ...projection,
  evolve(current, event: ProjectedEvent, documentId) {
    const next = projection.evolve(current, event, documentId);
    if (next === null || next === undefined) return next;
    const revision = isOwnRecordStream(kind, event.streamName, documentId)
      ? Number(event.revision)
      : current?.revision;
    if (next === current && current.revision === revision) return current;
    return revision === undefined ? next : { ...next, revision };
  },
});
