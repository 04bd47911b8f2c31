import { createEmbeddedDocumentStore, Document, DocumentStore } from '@crm/read-store';
import { InvalidListCursorError, keysetList, ListOrder, ordersOn } from './keyset-list';
import { decodeListCursor, encodeListCursor } from './list-cursor';

type Row = Document & { tenantId: string; rowId: string; at: string; score: number };

const ORDERS = ordersOn<Row, 'at' | 'score'>('rowId', ['at', 'score']);

describe('keysetList', () => {
  let store: DocumentStore;
  let position = 0n;

  const write = (rows: Row[]) => {
    position += 1n;
    return store.commit({
      writes: rows.map((document) => ({ collection: 'rows', op: 'upsert' as const, document })),
      checkpoints: [],
      position,
    });
  };
  const row = (rowId: string, at: string, score: number, tenantId = 't1'): Row => ({
    _id: `${tenantId}:${rowId}`,
    tenantId,
    rowId,
    at,
    score,
  });
  const list = (
    order: ListOrder<Row>,
    request: { limit?: number; offset?: number; cursor?: string },
  ) =>
    keysetList(
      store.collection<Row>('rows'),
      { tenantId: 't1', filter: {}, order, view: (r) => r.rowId },
      request,
    );

  beforeEach(async () => {
    store = createEmbeddedDocumentStore({ path: ':memory:' });
    await write([
      row('r1', '2026-01-01', 5),
      row('r2', '2026-01-02', 5),
      row('r3', '2026-01-03', 1),
      row('r4', '2026-01-04', 9),
      row('x1', '2026-01-05', 7, 't2'),
    ]);
  });
  afterEach(() => store.close());

  it('pages in the order asked, ties broken by id, with the total of every match', async () => {
    const first = await list(ORDERS['-score'], { limit: 2 });
    expect(first).toMatchObject({ items: ['r4', 'r1'], total: 4, limit: 2, offset: 0 });
    const second = await list(ORDERS['-score'], { limit: 2, cursor: first.nextCursor });
    expect(second.items).toEqual(['r2', 'r3']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('keeps its place when records are written between two pages', async () => {
    const first = await list(ORDERS.at, { limit: 2 });
    expect(first.items).toEqual(['r1', 'r2']);
    // One sorts before the cursor, one after: the first is not seen, the second is, nothing repeats.
    await write([row('r0', '2025-12-31', 3), row('r5', '2026-01-05', 3)]);
    const rest = await list(ORDERS.at, { limit: 10, cursor: first.nextCursor });
    expect(rest.items).toEqual(['r3', 'r4', 'r5']);
    expect(rest.total).toBe(6);
  });

  it('still pages by offset when no cursor is given', async () => {
    expect((await list(ORDERS['-at'], { limit: 2, offset: 1 })).items).toEqual(['r3', 'r2']);
  });

  it('refuses a cursor it did not give out', async () => {
    await expect(list(ORDERS.at, { cursor: 'not a cursor' })).rejects.toBeInstanceOf(
      InvalidListCursorError,
    );
    const forged = Buffer.from('{"a":1}').toString('base64url');
    await expect(list(ORDERS.at, { cursor: forged })).rejects.toBeInstanceOf(
      InvalidListCursorError,
    );
  });
});

describe('list cursors', () => {
  it('round-trip a sort value and an id, and refuse anything else', () => {
    const cursor = encodeListCursor({ value: '2026-01-02', id: 'r2' });
    expect(decodeListCursor(cursor)).toEqual({ value: '2026-01-02', id: 'r2' });
    expect(decodeListCursor(encodeListCursor({ value: 5, id: 'r1' }))).toEqual({
      value: 5,
      id: 'r1',
    });
    expect(decodeListCursor(Buffer.from('[null,"r1"]').toString('base64url'))).toBeUndefined();
    expect(decodeListCursor(Buffer.from('[1,""]').toString('base64url'))).toBeUndefined();
    expect(decodeListCursor('%%%')).toBeUndefined();
  });
});
