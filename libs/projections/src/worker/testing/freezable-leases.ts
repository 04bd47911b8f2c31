import { LeaseStore } from '../../lease/lease-store';

/**
 * A lease store whose answers stop coming once frozen, as if its process hung or lost the
 * network: the leases it held are neither renewed nor released, so they expire.
 */
export const freezableLeases = (leases: LeaseStore): LeaseStore & { freeze(): void } => {
  let frozen = false;
  const never = new Promise<never>(() => undefined);
  return {
    freeze: () => {
      frozen = true;
    },
    tryAcquire: (name, owner, ttlMs, token) =>
      frozen ? never : leases.tryAcquire(name, owner, ttlMs, token),
    renew: (name, owner, ttlMs) => (frozen ? never : leases.renew(name, owner, ttlMs)),
    release: (name, owner) => (frozen ? never : leases.release(name, owner)),
  };
};
