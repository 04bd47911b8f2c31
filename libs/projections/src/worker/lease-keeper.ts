import { CommitFence } from '@crm/read-store';
import { randomUUID } from 'node:crypto';
import { LeaseStore } from '../lease/lease-store';
import { TIMED_OUT, withTimeout } from './with-timeout';

export type LeaseAttempt = 'acquire' | 'renew' | 'release';

export type LeaseKeeperOptions = {
  leases: LeaseStore;
  owner: string;
  ttlMs: number;
  /** How long before a lease could expire the work it guards must already be stopping. */
  stopMarginMs: number;
  /** A monotonic clock in milliseconds (deadlines are local to this process). */
  now: () => number;
  onError: (attempt: LeaseAttempt, projection: string, error: unknown) => void;
};

/** The lease that guards one projection. */
export const leaseNameFor = (projection: string): string => `projection:${projection}`;

/**
 * The projection leases one worker holds, each with a deadline: the local time by which the
 * worker must be stopping that projection, `stopMarginMs` before the lease could expire. Deadlines
 * count from when the acquire or renew was sent, so a slow answer only ever shortens them, and an
 * answer that comes after the deadline is not trusted (the lease is treated as lost).
 */
export class LeaseKeeper {
  private readonly deadlines = new Map<string, number>();
  /** The token of each held lease's acquisition: what commits are fenced by. */
  private readonly tokens = new Map<string, string>();

  constructor(private readonly options: LeaseKeeperOptions) {}

  holds(projection: string): boolean {
    return this.deadlines.has(projection);
  }

  held(): string[] {
    return [...this.deadlines.keys()];
  }

  /**
   * The fence a commit for `projection` must carry: undefined once the lease is lost or its
   * deadline has passed, so a runner that has not stopped yet cannot commit any more.
   */
  fenceFor(projection: string): CommitFence | undefined {
    const deadline = this.deadlines.get(projection);
    const token = this.tokens.get(projection);
    if (deadline === undefined || token === undefined || this.options.now() >= deadline)
      return undefined;
    return { lease: leaseNameFor(projection), owner: this.options.owner, token };
  }

  /** Tries to take every lease among `projections` not held yet; returns the ones taken. */
  async acquire(projections: readonly string[]): Promise<string[]> {
    const { leases, owner, ttlMs } = this.options;
    const missing = projections.filter((name) => !this.deadlines.has(name));
    const taken = await Promise.all(
      missing.map(async (name) => {
        const sent = this.options.now();
        const token = randomUUID();
        const ok = await this.attempt('acquire', name, this.validFor(), () =>
          leases.tryAcquire(leaseNameFor(name), owner, ttlMs, token),
        );
        if (ok) {
          this.deadlines.set(name, sent + this.validFor());
          this.tokens.set(name, token);
        }
        return ok;
      }),
    );
    return missing.filter((_, index) => taken[index]);
  }

  /** Renews every held lease; one not renewed before its deadline is dropped and returned as lost. */
  async renew(): Promise<string[]> {
    const { leases, owner, ttlMs } = this.options;
    const entries = [...this.deadlines];
    const kept = await Promise.all(
      entries.map(async ([name, deadline]) => {
        const sent = this.options.now();
        const ok = await this.attempt('renew', name, deadline - sent, () =>
          leases.renew(leaseNameFor(name), owner, ttlMs),
        );
        if (ok) this.deadlines.set(name, sent + this.validFor());
        else {
          this.deadlines.delete(name);
          this.tokens.delete(name);
        }
        return ok;
      }),
    );
    return entries.filter((_, index) => !kept[index]).map(([name]) => name);
  }

  /** Gives every held lease back (best effort: one that cannot be released simply expires). */
  async releaseAll(): Promise<void> {
    const { leases, owner } = this.options;
    const names = this.held();
    this.deadlines.clear();
    this.tokens.clear();
    await Promise.all(
      names.map((name) =>
        this.attempt('release', name, this.validFor(), async () => {
          await leases.release(leaseNameFor(name), owner);
          return true;
        }),
      ),
    );
  }

  private validFor(): number {
    return this.options.ttlMs - this.options.stopMarginMs;
  }

  private async attempt(
    kind: LeaseAttempt,
    projection: string,
    budgetMs: number,
    call: () => Promise<boolean>,
  ): Promise<boolean> {
    if (budgetMs <= 0) {
      this.options.onError(kind, projection, new Error('deadline passed before the attempt'));
      return false;
    }
    try {
      const answer = await withTimeout(call(), budgetMs);
      if (answer !== TIMED_OUT) return answer;
      this.options.onError(kind, projection, new Error(`no answer within ${budgetMs} ms`));
      return false;
    } catch (error) {
      this.options.onError(kind, projection, error);
      return false;
    }
  }
}
