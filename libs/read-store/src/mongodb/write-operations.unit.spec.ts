import { Query } from 'mingo';
import { AnyBulkWriteOperation, BSON } from 'mongodb';
import { Document, WriteBatch } from '../document-store';
import {
  documentOperation,
  isUpsertAt,
  olderThan,
  positionOf,
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

/** The filter of a replaceOne or deleteOne, for evaluating it against stored versions. */
const filterOf = (operation: AnyBulkWriteOperation<Document>): Record<string, unknown> => {
  if ('replaceOne' in operation) return operation.replaceOne.filter;
  if ('deleteOne' in operation) return operation.deleteOne.filter;
  throw new Error(`unexpected operation ${JSON.stringify(operation)}`);
};

describe('positionOf', () => {
  it("is the document's own _position, else the batch position", () => {
    expect(positionOf(contact('a', 42), 50n)).toBe(42);
    expect(positionOf(contact('a'), 50n)).toBe(50);
  });

  it('refuses a _position that is not a finite number', () => {
    expect(() => positionOf({ _id: 'a', _position: '42' }, 50n)).toThrow(
      /_position must be a finite number/,
    );
    expect(() => positionOf({ _id: 'a', _position: Number.NaN }, 50n)).toThrow(TypeError);
  });
});

describe('documentOperation, transactional', () => {
  it('an upsert replaces by id, the document stored exactly as given', () => {
    const document = contact('acme:1', 42);
    expect(
      documentOperation({ collection: 'c', op: 'upsert', document }, 50n, 'transactional'),
    ).toEqual({
      replaceOne: { filter: { _id: 'acme:1' }, replacement: document, upsert: true },
    });
  });

  it('a delete deletes by id', () => {
    expect(
      documentOperation({ collection: 'c', op: 'delete', id: 'acme:1' }, 50n, 'transactional'),
    ).toEqual({
      deleteOne: { filter: { _id: 'acme:1' } },
    });
  });
});

describe('documentOperation, guarded', () => {
  it("an upsert matches only an older stored version, at the document's own position", () => {
    const document = contact('acme:1', 42);
    const operation = documentOperation(
      { collection: 'c', op: 'upsert', document },
      50n,
      'guarded',
    );
    expect(operation).toEqual({
      replaceOne: {
        filter: {
          _id: 'acme:1',
          $or: [{ _position: { $lt: 42 } }, { _position: { $exists: false } }],
        },
        replacement: document,
        upsert: true,
      },
    });
    if (!('replaceOne' in operation)) throw new Error('expected a replaceOne');
    expect(operation.replaceOne.replacement).toBe(document);
  });

  it('a document without _position is guarded by the batch position and not altered', () => {
    const document = contact('parked:1');
    const operation = documentOperation(
      { collection: '_parked', op: 'upsert', document },
      50n,
      'guarded',
    );
    expect(filterOf(operation)).toEqual(olderThan('parked:1', 50));
    expect(operation).toEqual({
      replaceOne: expect.objectContaining({
        replacement: { _id: 'parked:1', name: 'contact parked:1' },
      }),
    });
  });

  it('a delete removes only a version older than the batch', () => {
    expect(
      documentOperation({ collection: 'c', op: 'delete', id: 'acme:1' }, 50n, 'guarded'),
    ).toEqual({
      deleteOne: { filter: olderThan('acme:1', 50) },
    });
  });

  it('the guard matches older and unguarded versions, never equal or newer ones (MongoDB query semantics, via mingo)', () => {
    const upsert = documentOperation(
      { collection: 'c', op: 'upsert', document: contact('a', 42) },
      50n,
      'guarded',
    );
    const remove = documentOperation({ collection: 'c', op: 'delete', id: 'a' }, 50n, 'guarded');
    const matches = (operation: AnyBulkWriteOperation<Document>, stored: Document): boolean =>
      new Query(filterOf(operation)).test(stored);

    expect(matches(upsert, contact('a', 41))).toBe(true);
    expect(matches(upsert, contact('a'))).toBe(true);
    expect(matches(upsert, contact('a', 42))).toBe(false); // redelivery: same version
    expect(matches(upsert, contact('a', 43))).toBe(false); // stale: a newer one is stored
    expect(matches(upsert, contact('b', 1))).toBe(false);
    expect(matches(remove, contact('a', 49))).toBe(true);
    expect(matches(remove, contact('a', 50))).toBe(false);
    expect(matches(remove, contact('a', 51))).toBe(false);
  });
});

describe('writesByCollection', () => {
  it('groups writes per collection, in the order collections first appear', () => {
    const grouped = writesByCollection(
      batch([
        { collection: 'deals', op: 'upsert', document: contact('d1', 10) },
        { collection: 'contacts', op: 'upsert', document: contact('c1', 11) },
        { collection: 'deals', op: 'delete', id: 'd2' },
      ]),
      'transactional',
    );
    expect(grouped.map(({ collection, operations }) => [collection, operations.length])).toEqual([
      ['deals', 2],
      ['contacts', 1],
    ]);
    expect(grouped[0].operations[1]).toEqual({ deleteOne: { filter: { _id: 'd2' } } });
  });

  it('keeps only the last write of a document, since an unordered bulk write may reorder', () => {
    const [{ operations }] = writesByCollection(
      batch([
        { collection: 'c', op: 'upsert', document: { _id: 'gone', v: 1 } },
        { collection: 'c', op: 'delete', id: 'gone' },
        { collection: 'c', op: 'delete', id: 'back' },
        { collection: 'c', op: 'upsert', document: { _id: 'back', v: 1 } },
        { collection: 'c', op: 'upsert', document: { _id: 'back', v: 2 } },
      ]),
      'transactional',
    );
    expect(operations).toEqual([
      { deleteOne: { filter: { _id: 'gone' } } },
      { replaceOne: { filter: { _id: 'back' }, replacement: { _id: 'back', v: 2 }, upsert: true } },
    ]);
  });

  it('the same id in two collections is two documents', () => {
    const grouped = writesByCollection(
      batch([
        { collection: 'a', op: 'upsert', document: contact('x', 1) },
        { collection: 'b', op: 'delete', id: 'x' },
      ]),
      'guarded',
    );
    expect(grouped.map(({ operations }) => operations.length)).toEqual([1, 1]);
  });

  it('an empty batch writes nothing', () => {
    expect(writesByCollection(batch([]), 'guarded')).toEqual([]);
  });

  it('builds operations the driver can serialize to BSON, values intact', () => {
    const document: Document = { _id: 'acme:1', nested: { list: [1, null, 'x'] }, _position: 42 };
    const [{ operations }] = writesByCollection(
      batch([{ collection: 'c', op: 'upsert', document }]),
      'guarded',
    );
    const roundTripped = BSON.deserialize(BSON.serialize({ operation: operations[0] }));
    expect(roundTripped).toEqual({ operation: operations[0] });
  });
});

describe('isUpsertAt', () => {
  it('says which operation indexes are upserts', () => {
    const [{ operations }] = writesByCollection(
      batch([
        { collection: 'c', op: 'upsert', document: contact('a', 1) },
        { collection: 'c', op: 'delete', id: 'b' },
      ]),
      'guarded',
    );
    const isUpsert = isUpsertAt(operations);
    expect([0, 1, 2, -1].map(isUpsert)).toEqual([true, false, false, false]);
  });
});
