/**
 * How the store's subscriptions to $all are doing, for readiness and metrics: `live` until one
 * drops, `retrying` from a drop until an event arrives again, `failed` after an error no retry
 * can cure (the subscription has ended; its consumer has been told).
 */
export type SubscriptionStatus =
  { state: 'live' } | { state: 'retrying' | 'failed'; error: string; since: string };

/** The client's errors often have an empty message; their `type` ('access-denied') says what. */
const textOf = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const type = (error as { type?: unknown }).type;
  const kind = typeof type === 'string' ? `${error.name} (${type})` : error.name;
  return error.message ? `${kind}: ${error.message}` : kind;
};

export class SubscriptionTracker {
  private current: SubscriptionStatus = { state: 'live' };

  constructor(private readonly now: () => Date = () => new Date()) {}

  status(): SubscriptionStatus {
    return { ...this.current };
  }

  dropped(error: unknown): void {
    if (this.current.state === 'failed') return;
    const since = this.current.state === 'retrying' ? this.current.since : this.now().toISOString();
    this.current = { state: 'retrying', error: textOf(error), since };
  }

  failed(error: unknown): void {
    this.current = { state: 'failed', error: textOf(error), since: this.now().toISOString() };
  }

  recovered(): void {
    if (this.current.state === 'retrying') this.current = { state: 'live' };
  }
}
