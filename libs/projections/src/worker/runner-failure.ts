import { ProjectionRunner } from '../runner/projection-runner';

const UNREACHABLE = 2n ** 63n - 1n;

/**
 * Why a runner's loop died, or undefined while it lives. The runner keeps that error for its
 * position waiters only, so this asks as a waiter would, for a position never reached, without
 * waiting.
 */
export const runnerFailure = async (
  runner: ProjectionRunner,
): Promise<{ error: unknown } | undefined> => {
  try {
    await runner.waitForPosition(UNREACHABLE, 0);
    return undefined;
  } catch (error) {
    return { error };
  }
};
