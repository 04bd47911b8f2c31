import { Db } from 'mongodb';

/** The server's current time, asked over the wire. */
export type ServerTime = () => Promise<Date>;

/** `hello` answers with the server's `localTime`; MongoDB and FerretDB both send it. */
export const helloLocalTime =
  (db: Db): ServerTime =>
  async () => {
    const hello = await db.admin().command({ hello: 1 });
    const localTime: unknown = hello['localTime'];
    if (!(localTime instanceof Date)) throw new Error('the server sent no localTime in hello');
    return localTime;
  };

/**
 * Lease expiry on the database server's clock instead of each projector host's: every host
 * compares and stamps leases with the same clock, so skew between hosts cannot eat the stop
 * margin. The offset between the server's clock and this host's is measured with `hello` (the
 * midpoint of the round trip) and kept for `maxAgeMs`; between measurements the local clock
 * advances it, so a lease operation costs no extra round trip.
 */
export const serverClock = (
  ask: ServerTime,
  options: { localNow?: () => number; maxAgeMs?: number } = {},
): (() => Promise<Date>) => {
  const localNow = options.localNow ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  let measured: { offsetMs: number; at: number } | undefined;
  return async () => {
    const now = localNow();
    if (!measured || now - measured.at > maxAgeMs) {
      const sent = localNow();
      const server = (await ask()).getTime();
      const received = localNow();
      measured = { offsetMs: server - (sent + received) / 2, at: received };
    }
    return new Date(localNow() + measured.offsetMs);
  };
};
