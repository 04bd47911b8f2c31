import { inChunks } from './chunks';
import { CollectionWrites, PositionedWrite } from './write-operations';

const upsert = (id: string, size = 10): PositionedWrite => ({
  op: 'upsert',
  id,
  document: { _id: id, text: 'x'.repeat(size) },
  position: 1n,
});

const ids = (chunks: CollectionWrites[][]) =>
  chunks.map((chunk) =>
    chunk.map(({ collection, writes }) => [collection, writes.map((w) => w.id)]),
  );

describe('inChunks', () => {
  it('one chunk when the batch is within the limits', () => {
    const collections = [{ collection: 'a', writes: [upsert('1'), upsert('2')] }];
    expect(inChunks(collections, { maxWrites: 10, maxBytes: 10_000 })).toEqual([collections]);
  });

  it('an empty batch is one empty chunk, so its checkpoints still commit', () => {
    expect(inChunks([], { maxWrites: 10, maxBytes: 10_000 })).toEqual([[]]);
  });

  it('splits by number of writes, across collections, keeping their order', () => {
    const collections = [
      { collection: 'a', writes: [upsert('1'), upsert('2'), upsert('3')] },
      { collection: 'b', writes: [upsert('4'), upsert('5')] },
    ];
    expect(ids(inChunks(collections, { maxWrites: 2, maxBytes: 1_000_000 }))).toEqual([
      [['a', ['1', '2']]],
      [
        ['a', ['3']],
        ['b', ['4']],
      ],
      [['b', ['5']]],
    ]);
  });

  it('splits by size; a single write larger than the limit is a chunk of its own', () => {
    const collections = [
      {
        collection: 'a',
        writes: [upsert('1', 400), upsert('2', 400), upsert('big', 5_000), upsert('3', 10)],
      },
    ];
    expect(ids(inChunks(collections, { maxWrites: 100, maxBytes: 1_000 }))).toEqual([
      [['a', ['1', '2']]],
      [['a', ['big']]],
      [['a', ['3']]],
    ]);
  });
});
