import { BSON, Long } from 'mongodb';
import { Document, WriteBatch } from '../document-store';
import { UnstorableDocumentError } from './storable';
import {
  guardedOperation,
  isNewerThanStored,
  olderThan,
  plainOperation,
  positionOf,
  PositionedWrite,
  writesByCollection,
} from './write-operations';

const contact = (id: string, position?: number): Document =>
  position === undefined
    ? { _id: id, name: `contact ${id}` }
    : { _id: id, name: `contact ${id}`, _position: position };

const batch = (writes: WriteBatch['writes'], position = 50n): WriteBatch => ({
  writes,
  checkpoints: [],
  position,
});

const upsert = (document: Document, position: bigint): PositionedWrite => ({
  op: 'upsert',
  id: document._id,
  document,
  position,
});

describe('positionOf', () => {
  it("is the document's own _position, else the batch position, exactly", () => {
    expect(positionOf(contact('a', 42), 50n)).toBe(42n);
    expect(positionOf(contact('a'), 50n)).toBe(50n);
    expect(positionOf(contact('a'), 9007199254740995n)).toBe(9007199254740995n);
  });

  it('refuses a _position that is not a safe integer', () => {
    for (const bad of ['42', Number.NaN, 1.5, 2 ** 60]) {
      expect(() => positionOf({ _id: 'a', _position: bad }, 50n)).toThrow(
        /_position must be a safe integer/,
      );
    }
  });
});

describe('olderThan', () => {
  it('compares with the exact position as an Int64, or matches a document without one', () => {
    expect(olderThan('a', 9007199254740995n)).toEqual({
      _id: 'a',
      $or: [
        { _position: { $lt: Long.fromBigInt(9007199254740995n) } },
        { _position: { $exists: false } },
      ],
    });
    const decoded = BSON.deserialize(BSON.serialize(olderThan('a', 9007199254740995n)), {
      useBigInt64: true,
    });
    expect(decoded.$or[0]._position.$lt).toBe(9007199254740995n);
  });
});

describe('isNewerThanStored', () => {
  const write = upsert(contact('a', 42), 42n);
  const remove: PositionedWrite = { op: 'delete', id: 'a', position: 50n };

  it('an upsert wins over nothing, an unguarded or an older version; never over an equal or newer one', () => {
    expect(isNewerThanStored(write, undefined)).toBe(true);
    expect(isNewerThanStored(write, { position: undefined })).toBe(true);
    expect(isNewerThanStored(write, { position: 41n })).toBe(true);
    expect(isNewerThanStored(write, { position: 42n })).toBe(false); // redelivery
    expect(isNewerThanStored(write, { position: 43n })).toBe(false); // stale
  });

  it('a delete removes only what exists and is older', () => {
    expect(isNewerThanStored(remove, undefined)).toBe(false);
    expect(isNewerThanStored(remove, { position: 49n })).toBe(true);
    expect(isNewerThanStored(remove, { position: 50n })).toBe(false);
    expect(isNewerThanStored(remove, { position: undefined })).toBe(true);
  });

  it('tells positions apart above 2^53, which doubles cannot', () => {
    const high = upsert(contact('h'), 9007199254740995n);
    expect(isNewerThanStored(high, { position: 9007199254740994n })).toBe(true);
    expect(isNewerThanStored(high, { position: 9007199254740995n })).toBe(false);
  });
});

describe('plainOperation and guardedOperation', () => {
  it('inside a transaction: replace or delete by id, the document stored exactly as given', () => {
    const document = contact('acme:1', 42);
    expect(plainOperation(upsert(document, 42n))).toEqual({
      replaceOne: { filter: { _id: 'acme:1' }, replacement: document, upsert: true },
    });
    expect(plainOperation({ op: 'delete', id: 'acme:1', position: 50n })).toEqual({
      deleteOne: { filter: { _id: 'acme:1' } },
    });
  });

  it('without one: only over an older stored version, at the write position', () => {
    const document = contact('acme:1', 42);
    const operation = guardedOperation(upsert(document, 42n));
    expect(operation).toEqual({
      replaceOne: { filter: olderThan('acme:1', 42n), replacement: document, upsert: true },
    });
    expect(guardedOperation({ op: 'delete', id: 'acme:1', position: 50n })).toEqual({
      deleteOne: { filter: olderThan('acme:1', 50n) },
    });
  });
});

describe('writesByCollection', () => {
  it('groups writes per collection, each with its exact position', () => {
    const grouped = writesByCollection(
      batch([
        { collection: 'deals', op: 'upsert', document: contact('d1', 10) },
        { collection: 'contacts', op: 'upsert', document: contact('c1') },
        { collection: 'deals', op: 'delete', id: 'd2' },
      ]),
    );
    expect(grouped).toEqual([
      {
        collection: 'deals',
        writes: [upsert(contact('d1', 10), 10n), { op: 'delete', id: 'd2', position: 50n }],
      },
      { collection: 'contacts', writes: [upsert(contact('c1'), 50n)] },
    ]);
  });

  it('keeps only the last write of a document: no bulk write holds two for one id', () => {
    const [{ writes }] = writesByCollection(
      batch([
        { collection: 'c', op: 'upsert', document: { _id: 'gone', v: 1 } },
        { collection: 'c', op: 'delete', id: 'gone' },
        { collection: 'c', op: 'delete', id: 'back' },
        { collection: 'c', op: 'upsert', document: { _id: 'back', v: 1 } },
        { collection: 'c', op: 'upsert', document: { _id: 'back', v: 2 } },
      ]),
    );
    expect(writes).toEqual([
      { op: 'delete', id: 'gone', position: 50n },
      upsert({ _id: 'back', v: 2 }, 50n),
    ]);
  });

  it('the same id in two collections is two documents; an empty batch writes nothing', () => {
    const grouped = writesByCollection(
      batch([
        { collection: 'a', op: 'upsert', document: contact('x', 1) },
        { collection: 'b', op: 'delete', id: 'x' },
      ]),
    );
    expect(grouped.map(({ writes }) => writes.length)).toEqual([1, 1]);
    expect(writesByCollection(batch([]))).toEqual([]);
  });

  it('refuses the whole batch before anything is sent when one document cannot be stored', () => {
    expect(() =>
      writesByCollection(
        batch([
          { collection: 'c', op: 'upsert', document: contact('fine', 1) },
          { collection: 'c', op: 'upsert', document: { _id: 'bad', grid: [[1, 2]] } },
        ]),
      ),
    ).toThrow(UnstorableDocumentError);
  });
});

describe('set writes', () => {
  const set: PositionedWrite = { op: 'set', id: 'a', fields: { _validTo: 7 }, position: 50n };

  it('change only a stored document that is older, never create one', () => {
    expect(isNewerThanStored(set, undefined)).toBe(false);
    expect(isNewerThanStored(set, { position: undefined })).toBe(true);
    expect(isNewerThanStored(set, { position: 49n })).toBe(true);
    expect(isNewerThanStored(set, { position: 50n })).toBe(false); // redelivery
  });

  it('are $set updates without upsert, guarded by position outside a transaction', () => {
    expect(plainOperation(set)).toEqual({
      updateOne: { filter: { _id: 'a' }, update: { $set: { _validTo: 7 } } },
    });
    expect(guardedOperation(set)).toEqual({
      updateOne: { filter: olderThan('a', 50n), update: { $set: { _validTo: 7 } } },
    });
  });

  it('take their position from the _position they set, else the batch', () => {
    const [{ writes }] = writesByCollection(
      batch([
        { collection: 'c', op: 'set', id: 'a', fields: { _validTo: 7, _position: 42 } },
        { collection: 'c', op: 'set', id: 'b', fields: { v: 1 } },
      ]),
    );
    expect(writes.map((write) => write.position)).toEqual([42n, 50n]);
  });

  it('fold into the earlier write of the same document in the batch', () => {
    const [{ writes }] = writesByCollection(
      batch([
        { collection: 'c', op: 'upsert', document: { _id: 'new', v: 1, _position: 41 } },
        { collection: 'c', op: 'set', id: 'new', fields: { v: 2, _position: 43 } },
        { collection: 'c', op: 'set', id: 'set', fields: { v: 1, w: 1 } },
        { collection: 'c', op: 'set', id: 'set', fields: { w: 2 } },
        { collection: 'c', op: 'delete', id: 'gone' },
        { collection: 'c', op: 'set', id: 'gone', fields: { v: 1 } },
        { collection: 'c', op: 'set', id: 'replaced', fields: { v: 1 } },
        { collection: 'c', op: 'upsert', document: { _id: 'replaced', v: 3 } },
      ]),
    );
    expect(writes).toEqual([
      upsert({ _id: 'new', v: 2, _position: 43 }, 43n),
      { op: 'set', id: 'set', fields: { v: 1, w: 2 }, position: 50n },
      { op: 'delete', id: 'gone', position: 50n },
      upsert({ _id: 'replaced', v: 3 }, 50n),
    ]);
  });

  it('refuse a dotted, operator or _id field before anything is sent', () => {
    for (const field of ['a.b', '$inc', '_id']) {
      expect(() =>
        writesByCollection(
          batch([{ collection: 'c', op: 'set', id: 'a', fields: { [field]: 1 } }]),
        ),
      ).toThrow(field);
    }
  });
});
