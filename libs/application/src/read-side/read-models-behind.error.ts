/** A query asked to read its writes and the read models did not get there in time. */
export class ReadModelsBehindError extends Error {
  readonly code = 'READ_MODELS_BEHIND';
  constructor(
    readonly requested: bigint,
    readonly reached: bigint,
    readonly waitedMs: number,
    /** Set when the projections are stalled on a store error (they retry by themselves). */
    readonly stalled?: { projections: string[]; error: string; since: string },
  ) {
    super(
      stalled
        ? `read models reached position ${reached}, not ${requested}: projections are stalled (${stalled.error}) and retrying; retry later`
        : `read models reached position ${reached}, not ${requested}, within ${waitedMs} ms; retry later`,
    );
    this.name = 'ReadModelsBehindError';
  }
}
