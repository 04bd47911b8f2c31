import { EventStore } from '@crm/event-store';
import { DocumentStore, WriteBatch } from '@crm/read-store';
import { leaseNameFor } from './lease-keeper';
import { appendContacts } from './testing/contact-events';
import { eventually } from './testing/eventually';
import { projections, serializer, useWorkerHarness } from './testing/worker-harness';

describe('ProjectorWorker: stopping and failing', () => {
  const h = useWorkerHarness();

  it('a graceful stop finishes and commits the batch in flight; a restart applies nothing twice', async () => {
    const head = await appendContacts(h.events, serializer, 30);
    let inFlight: WriteBatch | undefined;
    let letCommit = (): void => undefined;
    const gate = new Promise<void>((resolve) => (letCommit = resolve));
    const slowCommits: DocumentStore = {
      ...h.documents,
      async commit(batch) {
        if (!inFlight) {
          inFlight = batch;
          await gate;
        }
        await h.documents.commit(batch);
      },
    };
    const stopping = h.worker('a', { documents: slowCommits });
    await stopping.start();
    await eventually('a batch is being committed', () => inFlight !== undefined);

    let stopped = false;
    const stop = stopping.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false); // waiting for the batch in flight
    letCommit();
    await stop;

    const committed = inFlight?.position ?? -1n;
    expect(committed).toBeGreaterThan(-1n);
    expect(committed).toBeLessThan(head); // it stopped after that batch, not at the head
    for (const projection of projections)
      expect(await h.documents.checkpoint(`${projection.name}@v${projection.version}.1`)).toBe(
        committed,
      );
    for (const projection of projections)
      expect(h.leases.holder(leaseNameFor(projection.name))).toBeUndefined();

    const subscribedAfter: (bigint | undefined)[] = [];
    const watched: EventStore = {
      ...h.events,
      subscribeToAll(options) {
        subscribedAfter.push(options?.after);
        return h.events.subscribeToAll(options);
      },
    };
    await h.worker('b', { events: watched }).start();
    await h.caughtUp(head);
    expect(subscribedAfter).toEqual([committed]);
    expect(h.record.violations).toEqual([]);
    await h.expectRebuildEquivalent();
  });

  it('resumes projections whose store failed, from their checkpoints', async () => {
    const head = await appendContacts(h.events, serializer, 10);
    let failures = 1;
    const flaky: DocumentStore = {
      ...h.documents,
      async commit(batch) {
        if (failures-- > 0) throw new Error('disk full');
        await h.documents.commit(batch);
      },
    };
    await h.worker('a', { documents: flaky }).start();
    await h.caughtUp(head);
    expect(h.logs.map((l) => l.message)).toContain(
      'projections stalled; retrying them from their checkpoints',
    );
    await h.expectRebuildEquivalent();
  });
});
