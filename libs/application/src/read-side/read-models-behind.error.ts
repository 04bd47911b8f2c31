/** A query asked to read its writes and the read models did not get there in time. */
export class ReadModelsBehindError extends Error {
  readonly code = 'READ_MODELS_BEHIND';
  constructor(
    readonly requested: bigint,
    readonly reached: bigint,
    readonly waitedMs: number,
  ) {
    super(
      `read models reached position ${reached}, not ${requested}, within ${waitedMs} ms; retry later`,
    );
    this.name = 'ReadModelsBehindError';
  }
}
