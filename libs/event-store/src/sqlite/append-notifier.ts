/**
 * Wakes subscribers of one store instance when it appends. A version counter rather than a
 * shared promise: a waiter compares against the version it saw before reading, so an append
 * that lands between its read and its wait is never missed, and idle waiters leave nothing
 * behind (no reactions piling up on a long-pending promise).
 */
export class AppendNotifier {
  private currentVersion = 0;
  private closed = false;
  private readonly waiters = new Set<() => void>();

  get version(): number {
    return this.currentVersion;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  notify(): void {
    this.currentVersion += 1;
    for (const wake of [...this.waiters]) wake();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  /** Resolves once the version moves past `seen`, after `timeoutMs`, on abort, or on close. */
  waitForChange(seen: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.currentVersion !== seen || this.closed || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }
}
