import { AggregateKind } from '@crm/domain';
import { DemoCommand, DemoItem } from './demo-item';
import { DAY } from './time';

/**
 * Collects the commands of the demo history and hands them out in time order. A command planned
 * past the end of the period is held at its last millisecond; ties keep the order they were
 * planned in, so a record planned before the records that refer to it always comes first.
 */
export class DemoPlan {
  readonly startMs: number;
  readonly endMs: number;
  private readonly planned: { item: DemoItem; order: number }[] = [];

  constructor(start: Date, days: number) {
    this.startMs = start.getTime();
    this.endMs = this.startMs + days * DAY;
  }

  get spanMs(): number {
    return this.endMs - this.startMs;
  }

  /** An instant `fraction` (0..1) of the way through the period. */
  at(fraction: number): number {
    return this.startMs + Math.floor(fraction * this.spanMs);
  }

  /** The instant itself, or the last millisecond of the period for one past its end. */
  hold(ms: number): number {
    return Math.min(Math.max(ms, this.startMs), this.endMs - 1);
  }

  /** Plans a command; returns the time it was given (held inside the period). */
  add(
    atMs: number,
    actorId: string,
    kind: AggregateKind,
    recordId: string,
    command: DemoCommand,
  ): number {
    const held = this.hold(atMs);
    this.planned.push({
      item: { at: new Date(held), actorId, kind, recordId, command },
      order: this.planned.length,
    });
    return held;
  }

  items(): DemoItem[] {
    return [...this.planned]
      .sort((a, b) => a.item.at.getTime() - b.item.at.getTime() || a.order - b.order)
      .map(({ item }) => item);
  }
}
