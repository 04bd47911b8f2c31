/**
 * The calls a store has started and not yet finished, so that closing it can wait for them
 * instead of disposing the client under them; once closing, new calls are refused.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly closedMessage: string) {}

  run<T>(call: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(this.closedMessage));
    const started = call();
    this.running.add(started);
    const forget = () => this.running.delete(started);
    started.then(forget, forget);
    return started;
  }

  /** Refuses new calls and resolves once every call in flight has settled, whatever its outcome. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running]);
  }
}
