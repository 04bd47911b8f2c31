/** A query asked to wait for a position the log has not reached: no command answered it. */
export class PositionNotWrittenError extends Error {
  readonly code = 'MIN_POSITION_NOT_WRITTEN';
  constructor(
    readonly requested: bigint,
    readonly head: bigint,
  ) {
    super(`minPosition ${requested} is beyond the log's last position ${head}`);
    this.name = 'PositionNotWrittenError';
  }
}
