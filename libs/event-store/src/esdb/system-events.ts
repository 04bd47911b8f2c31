/**
 * EventStoreDB's own events: types and streams starting with `$` (`$metadata`, `$>` links,
 * `$stats-*`, `$$stream` metadata streams, projection state...). They are not the
 * application's facts, so reads and subscriptions of the whole log leave them out.
 */
export const isSystemEvent = (event: { streamId: string; type: string }): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');
