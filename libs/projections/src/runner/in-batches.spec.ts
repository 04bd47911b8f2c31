import { inBatches } from './in-batches';

async function* items(values: number[], gapAfter?: number, gapMs = 0) {
  for (const value of values) {
    yield value;
    if (value === gapAfter) await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
}

const collect = async <T>(source: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of source) all.push(item);
  return all;
};

describe('inBatches', () => {
  it('cuts batches at the maximum size and keeps every item in order', async () => {
    const batches = await collect(inBatches(items([1, 2, 3, 4, 5, 6, 7]), 3, 1000));
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('hands on a partial batch when the source pauses longer than the linger', async () => {
    const batches = await collect(inBatches(items([1, 2, 3, 4], 2, 50), 10, 5));
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const batch of inBatches(source(), 2, 10)) {
      expect(batch).toEqual([0, 1]);
      break;
    }
    expect(closed).toBe(true);
  });
});
