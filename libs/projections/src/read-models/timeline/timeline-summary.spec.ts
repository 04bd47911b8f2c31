import { DealStageMoved } from '@crm/domain';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { timelineSummary } from './timeline-summary';
import { TimelineEntryDocument } from './timeline.document';
import { entryOf, timelineEvent as event } from './timeline.test-kit';

const moved = event<DealStageMoved>('DealStageMoved', {
  dealId: 'd-1',
  fromStageId: 's-1',
  toStageId: 's-2',
  probability: 0.6,
  movedAt: '2026-01-14T10:00:00.000Z',
});

describe('timelineSummary: lines worded when the timeline is read', () => {
  it('words an entry read back from a store, which holds facts and no line', async () => {
    const documents = createEmbeddedDocumentStore({ path: ':memory:' });
    try {
      const written = entryOf(moved);
      await documents.commit({
        writes: [{ collection: 'timeline@test', op: 'upsert', document: written }],
        checkpoints: [],
        position: BigInt(written.position),
      });
      const stored = await documents
        .collection<TimelineEntryDocument>('timeline@test')
        .get(written._id);
      if (stored === undefined) throw new Error('the entry was not stored');
      expect(stored).not.toHaveProperty('summary');
      expect(stored.facts).toEqual({ fromStageId: 's-1', toStageId: 's-2', probability: 0.6 });
      expect(timelineSummary(stored)).toBe('Stage moved: s-1 → s-2 (60%)');
      const names = { stage: (id: string) => (id === 's-1' ? 'Proposal' : 'Negotiation') };
      expect(timelineSummary(stored, names)).toBe('Stage moved: Proposal → Negotiation (60%)');
    } finally {
      await documents.close();
    }
  });

  it('answers the line an entry of version 1 stored, while version 2 is rebuilt', () => {
    const { facts: _facts, ...entry } = entryOf(moved);
    const versionOne = { ...entry, summary: 'Stage moved: s-1 → s-2 (60%)' };
    expect(timelineSummary(versionOne as unknown as TimelineEntryDocument)).toBe(
      'Stage moved: s-1 → s-2 (60%)',
    );
  });

  it('an entry of a kind this reader has no wording for (a newer writer) reads as its type', () => {
    const entry = { ...entryOf(moved), type: 'DealSplit' };
    expect(timelineSummary(entry)).toBe('DealSplit');
  });
});
