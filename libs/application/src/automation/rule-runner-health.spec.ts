import { EventSerializer, EventStore } from '@crm/event-store';
import { RuleActionDeps } from './rule-action';
import { RuleRunner } from './rule-runner';

/** A log whose reads fail while `broken`; its subscription waits until it is stopped. */
const storeThatFails = (state: { broken: boolean }): EventStore =>
  ({
    readStream: async () => {
      if (state.broken) throw new Error('event store unreachable');
      return [];
    },
    subscribeToAll: async function* ({ signal }: { signal: AbortSignal }) {
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      yield* [];
    },
  }) as unknown as EventStore;

const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

describe('RuleRunner health', () => {
  it('is down naming the stopped loops and their error, up again once they restart', async () => {
    const state = { broken: true };
    const runner = new RuleRunner(
      storeThatFails(state),
      {} as EventSerializer,
      {} as RuleActionDeps,
      { clock: () => new Date(), timerPollMs: 10, restartDelayMs: 20 },
    );
    try {
      runner.start();
      await settle();
      expect(runner.health()).toEqual({
        status: 'down',
        stopped: { rules: 'event store unreachable', timers: 'event store unreachable' },
      });
      state.broken = false;
      await settle();
      expect(runner.health()).toEqual({ status: 'up', position: '-1', pendingTimers: 0 });
    } finally {
      await runner.stop();
    }
  });
});
