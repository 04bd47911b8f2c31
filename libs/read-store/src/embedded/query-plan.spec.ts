import { Document } from '../document-store';
import { HashIndex } from './hash-index';
import { indexKeysOf, valuesAtPath } from './index-keys';
import { candidatesFor } from './query-plan';

const documents: Document[] = [
  { _id: 'a', tenant: 't1', stage: 'lead', tags: ['vip', 'eu'], rel: [{ id: 'x' }, { id: 'y' }] },
  { _id: 'b', tenant: 't1', stage: 'won', tags: ['us'], rel: { id: 'x' }, amount: 100 },
  { _id: 'c', tenant: 't2', stage: 'lead', tags: [['vip']], amount: '100' },
];

const indexed = (...fieldLists: string[][]): HashIndex[] =>
  fieldLists.map((fields) => {
    const index = new HashIndex(fields);
    for (const document of documents) index.update(document._id, undefined, document);
    return index;
  });

const byId = new Map(documents.map((document) => [document._id, document]));
const ids = (candidates: Iterable<Document>): string[] =>
  [...candidates].map((document) => document._id).sort();

describe('index keys', () => {
  it('expands arrays along a dotted path and at its end', () => {
    expect(valuesAtPath(documents[0], 'tags').sort()).toEqual(['eu', 'vip']);
    expect(valuesAtPath(documents[0], 'rel.id').sort()).toEqual(['x', 'y']);
    expect(valuesAtPath(documents[1], 'rel.id')).toEqual(['x']);
    expect(valuesAtPath(documents[0], 'tags.1')).toEqual(['eu']);
    expect(valuesAtPath(documents[1], 'missing.path')).toEqual([]);
  });

  it('keeps types apart and makes one key per combination of a compound index', () => {
    expect(indexKeysOf(documents[1], ['amount'])).not.toEqual(
      indexKeysOf(documents[2], ['amount']),
    );
    expect(indexKeysOf(documents[0], ['tenant', 'tags']).size).toBe(2);
    expect(indexKeysOf(documents[0], ['tenant', 'amount']).size).toBe(0);
  });
});

describe('candidatesFor', () => {
  it('reads one document for a plain _id equality', () => {
    expect(ids(candidatesFor({ _id: 'b', stage: 'lead' }, byId, indexed(['stage'])))).toEqual([
      'b',
    ]);
    expect(ids(candidatesFor({ _id: 'nobody' }, byId, []))).toEqual([]);
  });

  it('narrows with the index covering most equality fields', () => {
    const indexes = indexed(['tenant'], ['tenant', 'stage']);
    expect(ids(candidatesFor({ tenant: 't1', stage: 'lead' }, byId, indexes))).toEqual(['a']);
    expect(ids(candidatesFor({ tenant: 't1', stage: { $ne: 'x' } }, byId, indexes))).toEqual([
      'a',
      'b',
    ]);
    expect(ids(candidatesFor({ tags: 'vip' }, byId, indexed(['tags'])))).toEqual(['a', 'c']);
    expect(ids(candidatesFor({ amount: 100 }, byId, indexed(['amount'])))).toEqual(['b']);
  });

  it('scans when no index has plain equality values for all its fields', () => {
    const indexes = indexed(['tenant', 'stage']);
    expect(ids(candidatesFor({ tenant: 't1' }, byId, indexes))).toEqual(['a', 'b', 'c']);
    expect(ids(candidatesFor({ tenant: { $in: ['t1'] }, stage: 'won' }, byId, indexes))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(ids(candidatesFor({ tenant: null, stage: 'won' }, byId, indexes))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('HashIndex', () => {
  it('forgets the old keys of a document that changes or goes', () => {
    const [index] = indexed(['tags']);
    index.update('a', documents[0], { _id: 'a', tags: ['new'] });
    expect([...index.lookup(['vip'])]).toEqual(['c']);
    expect([...index.lookup(['new'])]).toEqual(['a']);
    index.update('a', { _id: 'a', tags: ['new'] }, undefined);
    expect([...index.lookup(['new'])]).toEqual([]);
  });
});
