import { leaseNameFor } from './lease-keeper';
import { ProjectorWorker } from './projector-worker';
import { appendContacts } from './testing/contact-events';
import { eventually } from './testing/eventually';
import { freezableLeases } from './testing/freezable-leases';
import { handovers, projections, serializer, useWorkerHarness } from './testing/worker-harness';

const [contacts] = projections;

describe('ProjectorWorker: who runs which projection', () => {
  const h = useWorkerHarness();

  it('one runs, one stands by; the standby takes over once the active one stops', async () => {
    await appendContacts(h.events, serializer, 10);
    const active = h.worker('a');
    const standby = h.worker('b');
    await active.start();
    await standby.start();
    expect(active.status()).toMatchObject({
      held: ['contacts', 'timeline'],
      running: ['contacts', 'timeline'],
    });
    expect(standby.status()).toMatchObject({ held: [], running: [] });

    const head = await appendContacts(h.events, serializer, 10);
    await h.caughtUp(head);
    expect(standby.status().held).toEqual([]);

    await active.stop();
    expect(active.status()).toMatchObject({ held: [], running: [] });
    const later = await appendContacts(h.events, serializer, 10);
    await eventually('the standby runs both', () => standby.status().running.length === 2);
    await h.caughtUp(later);

    expect(h.record.violations).toEqual([]);
    for (const projection of projections)
      expect(handovers(h.record.commits, projection.name)).toEqual(['a', 'b']);
    await h.expectRebuildEquivalent();
  });

  it('an active worker that stops answering stops its projections before its leases expire; the standby takes over after', async () => {
    await appendContacts(h.events, serializer, 10);
    const hanging = freezableLeases(h.leases);
    const active = h.worker('a', { leases: hanging });
    const standby = h.worker('b');
    await active.start();
    await standby.start();
    await h.caughtUp(await h.events.headPosition());

    let appending = true;
    const appender = (async () => {
      while (appending) {
        await appendContacts(h.events, serializer, 1);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();

    hanging.freeze();
    const expiresAt = h.leases.holder(leaseNameFor(contacts.name))?.expiresAt.getTime() ?? 0;
    await eventually(
      'the hung worker stops its projections',
      () => active.status().running.length === 0,
    );
    const stoppedAt = Date.now();
    await eventually('the standby runs both', () => standby.status().running.length === 2);
    const tookOverAt = Date.now();
    appending = false;
    await appender;
    await h.caughtUp(await h.events.headPosition());

    expect(stoppedAt).toBeLessThan(expiresAt);
    expect(tookOverAt).toBeGreaterThan(expiresAt);
    expect(h.record.violations).toEqual([]);
    for (const projection of projections)
      expect(handovers(h.record.commits, projection.name)).toEqual(['a', 'b']);
    await h.expectRebuildEquivalent();
  });

  it('splits projections between workers: each runs only those whose lease it holds', async () => {
    await appendContacts(h.events, serializer, 10);
    const first = h.worker('a', { wanted: [contacts] });
    const second = h.worker('b');
    await first.start();
    await second.start();
    expect(first.status()).toMatchObject({ held: ['contacts'], running: ['contacts'] });
    expect(second.status()).toMatchObject({ held: ['timeline'], running: ['timeline'] });
    await h.caughtUp(await appendContacts(h.events, serializer, 10));
    expect(
      new Set(h.record.commits.filter((c) => c.owner === 'a').flatMap((c) => c.projections)),
    ).toEqual(new Set(['contacts']));
    expect(
      new Set(h.record.commits.filter((c) => c.owner === 'b').flatMap((c) => c.projections)),
    ).toEqual(new Set(['timeline']));

    await first.stop();
    await eventually('the second worker runs both', () => second.status().running.length === 2);
    await h.caughtUp(await appendContacts(h.events, serializer, 5));
    expect(h.record.violations).toEqual([]);
    expect(handovers(h.record.commits, 'contacts')).toEqual(['a', 'b']);
    expect(handovers(h.record.commits, 'timeline')).toEqual(['b']);
    await h.expectRebuildEquivalent();
  });

  it('refuses timings where a renewal could come after the stop deadline', () => {
    expect(
      () =>
        new ProjectorWorker({
          events: h.events,
          documents: h.documents,
          serializer,
          leases: h.leases,
          owner: 'a',
          projections,
          ttlMs: 1000,
          renewEveryMs: 500,
          stopMarginMs: 500,
        }),
    ).toThrow(RangeError);
  });
});
