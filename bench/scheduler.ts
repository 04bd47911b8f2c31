/**
 * Runs tasks concurrently (at most `maxInFlight` at once) while keeping the order that matters:
 * a task starts only after the last earlier task that wrote any record it touches has finished.
 * Used to send the workload's commands at a large concurrency without a call overtaking the
 * creation of its contact.
 */
export class DependencyScheduler {
  private readonly lastWrite = new Map<string, Promise<void>>();
  private readonly slotWaiters: (() => void)[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly maxInFlight: number) {
    if (!(maxInFlight >= 1)) throw new RangeError('maxInFlight must be at least 1');
  }

  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Waits for a free slot, then schedules `task` behind the last writers of `writes` and `reads`
   * and returns (without waiting for the task). `task` must not reject: record failures inside it.
   */
  async submit(
    touched: { writes: string; reads: readonly string[] },
    task: () => Promise<void>,
  ): Promise<void> {
    while (this.running.size >= this.maxInFlight) {
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
    const before: Promise<void>[] = [];
    for (const key of [touched.writes, ...touched.reads]) {
      const previous = this.lastWrite.get(key);
      if (previous) before.push(previous);
    }
    const done: Promise<void> = (before.length === 0 ? task() : Promise.all(before).then(task))
      .catch(() => undefined)
      .finally(() => {
        this.running.delete(done);
        if (this.lastWrite.get(touched.writes) === done) this.lastWrite.delete(touched.writes);
        this.slotWaiters.shift()?.();
      });
    this.running.add(done);
    this.lastWrite.set(touched.writes, done);
  }

  /** Resolves once every submitted task has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
