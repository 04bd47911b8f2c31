/** The current time; injectable so tests can move it. */
export type LeaseClock = () => Date;

export const systemLeaseClock: LeaseClock = () => new Date();

/**
 * Named, time-limited exclusive leases: at most one owner holds a name at a time, until it
 * releases it or lets it expire (`ttlMs` after its last acquire or renew).
 */
export interface LeaseStore {
  /**
   * Takes the lease when it is free, expired, or already ours (extending it); false when another
   * owner holds it. `token` names this acquisition (a fresh one each time): commits fenced by it
   * are refused once anyone, even the same owner, has acquired the lease again.
   */
  tryAcquire(name: string, owner: string, ttlMs: number, token?: string): Promise<boolean>;
  /** Extends a lease we still hold; false when it is gone or someone else has taken it. */
  renew(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once if we hold it; does nothing otherwise. */
  release(name: string, owner: string): Promise<void>;
}

/** A lease as a store records it. */
export type Lease = { owner: string; expiresAt: Date; token?: string };

/** A lease is free for others once its expiry is strictly in the past (MongoDB's `$lt: now`). */
export const isExpired = (lease: Lease, now: Date): boolean =>
  lease.expiresAt.getTime() < now.getTime();
