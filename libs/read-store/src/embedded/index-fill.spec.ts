import { Document } from '../document-store';
import { createEmbeddedDocumentStore } from './embedded-document-store';

/** More documents than one page of the fill (1,000) and than one multi-row insert (100). */
const COUNT = 2_345;

const documentAt = (i: number): Document => ({
  // The empty id sorts before every other: the first page must not skip it.
  _id: i === 0 ? '' : `d${String(i).padStart(5, '0')}`,
  tenantId: i % 2 === 0 ? 'acme' : 'globex',
  size: i % 7,
  active: i % 3 === 0,
  tags: i % 5 === 0 ? ['vip', `t${i % 4}`] : [`t${i % 4}`],
});

describe('embedded document store: indexes declared over existing documents', () => {
  it('fills every index declared at once from all the documents, as a scan answers', async () => {
    const store = createEmbeddedDocumentStore({ path: ':memory:' });
    const all = Array.from({ length: COUNT }, (_, i) => documentAt(i));
    await store.commit({
      writes: all.map((document) => ({ collection: 'c', op: 'upsert', document })),
      checkpoints: [],
      position: 1n,
    });
    await store.ensureIndexes('c', [
      { fields: ['tenantId', 'size'] },
      { fields: ['tenantId', 'active'] },
      { fields: ['tags'] },
      { fields: ['tenantId', 'size'] },
    ]);
    const collection = store.collection('c');
    const expectSame = async (
      filter: Record<string, unknown>,
      matches: (d: Document) => boolean,
    ) => {
      const expected = all.filter(matches).map((d) => d._id);
      expect(expected.length).toBeGreaterThan(0);
      expect((await collection.find(filter, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(
        expected,
      );
      expect(await collection.count(filter)).toBe(expected.length);
    };
    await expectSame({ tenantId: 'acme', size: 3 }, (d) => d.tenantId === 'acme' && d.size === 3);
    await expectSame(
      { tenantId: 'globex', active: true },
      (d) => d.tenantId === 'globex' && d.active === true,
    );
    await expectSame({ tags: 'vip' }, (d) => (d.tags as string[]).includes('vip'));
    await expectSame(
      { tenantId: 'acme', size: { $gte: 5 } },
      (d) => d.tenantId === 'acme' && (d.size as number) >= 5,
    );
    await store.close();
  });
});
