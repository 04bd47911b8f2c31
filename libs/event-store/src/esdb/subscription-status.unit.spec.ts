import { AccessDeniedError, UnavailableError } from '@eventstore/db-client';
import { SubscriptionTracker } from './subscription-status';

describe('SubscriptionTracker', () => {
  it('live, retrying from the first drop until events flow again, then live', () => {
    let now = Date.parse('2026-03-01T12:00:00.000Z');
    const tracker = new SubscriptionTracker(() => new Date(now));
    expect(tracker.status()).toEqual({ state: 'live' });
    tracker.dropped(new UnavailableError());
    now += 5_000;
    tracker.dropped(new Error('socket hang up'));
    expect(tracker.status()).toEqual({
      state: 'retrying',
      error: 'Error: socket hang up',
      since: '2026-03-01T12:00:00.000Z',
    });
    tracker.recovered();
    expect(tracker.status()).toEqual({ state: 'live' });
  });

  it('failed for good stays failed: neither a drop nor a recovery hides it', () => {
    const tracker = new SubscriptionTracker(() => new Date(0));
    tracker.failed(new AccessDeniedError());
    tracker.dropped(new UnavailableError());
    tracker.recovered();
    expect(tracker.status()).toMatchObject({
      state: 'failed',
      error: 'Error (access-denied)',
    });
  });
});
