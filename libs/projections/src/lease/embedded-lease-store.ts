import { DocumentStore } from '@crm/read-store';
import { LeaseClock, isExpired, Lease, LeaseStore, systemLeaseClock } from './lease-store';

/**
 * Leases for the embedded setup, kept in memory, one table per DocumentStore instance.
 *
 * Why in memory and not as documents in the store: the embedded read store's SQLite file is locked
 * exclusively by the process that opened it, so every projector writing to it lives in that one
 * process and shares that one DocumentStore instance; a map keyed by the instance is therefore
 * seen by all of them. Each operation runs synchronously between two awaits, so it is atomic on
 * the event loop without a mutex. A lease also has no business outliving the process: when the
 * process dies its holders die with it, and persisted leases would only make the restarted process
 * wait for them to expire.
 */
export type EmbeddedLeaseStore = LeaseStore & {
  /** The current record for `name` (expired or not), for diagnostics and tests. */
  holder(name: string): Lease | undefined;
};

const tables = new WeakMap<DocumentStore, Map<string, Lease>>();

const tableFor = (documents: DocumentStore): Map<string, Lease> => {
  let table = tables.get(documents);
  if (!table) {
    table = new Map();
    tables.set(documents, table);
  }
  return table;
};

export const createEmbeddedLeaseStore = (
  documents: DocumentStore,
  options: { clock?: LeaseClock } = {},
): EmbeddedLeaseStore => {
  const table = tableFor(documents);
  const clock = options.clock ?? systemLeaseClock;
  const until = (now: Date, ttlMs: number): Date => new Date(now.getTime() + ttlMs);

  return {
    async tryAcquire(name, owner, ttlMs, token) {
      const now = clock();
      const current = table.get(name);
      if (current && current.owner !== owner && !isExpired(current, now)) return false;
      table.set(name, {
        owner,
        expiresAt: until(now, ttlMs),
        ...(token !== undefined && { token }),
      });
      return true;
    },

    async renew(name, owner, ttlMs) {
      const current = table.get(name);
      if (!current || current.owner !== owner) return false;
      table.set(name, { ...current, expiresAt: until(clock(), ttlMs) });
      return true;
    },

    async release(name, owner) {
      if (table.get(name)?.owner === owner) table.delete(name);
    },

    holder(name) {
      const current = table.get(name);
      return current && { ...current };
    },
  };
};
