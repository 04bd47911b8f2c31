/**
 * The time the seeded history happens at: set forward to each command's time before it is sent,
 * never backwards, so the events' recordedAt follow the log's order.
 */
export class SimulatedClock {
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  readonly now = (): Date => new Date(this.current);

  advanceTo(at: Date): void {
    if (at.getTime() > this.current) this.current = at.getTime();
  }
}
