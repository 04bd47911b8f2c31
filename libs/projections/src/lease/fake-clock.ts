import { LeaseClock } from './lease-store';

/** A clock that moves only when told to, for lease tests. */
export const fakeClock = (start = Date.parse('2026-03-01T12:00:00.000Z')) => {
  let now = start;
  const clock: LeaseClock = () => new Date(now);
  return {
    clock,
    advance(ms: number): void {
      now += ms;
    },
  };
};
